import type { ChangeFinding, ChangeLevel, DesignComparison, ElementChange } from '../../core/diff';
import { allResourcePaths, type Design, designCards, isApiCard, parseHttpRouteKey, valuesOf } from '../../core/model';
import { type ChangeMark, type ChangeMarks, worse } from './change-mark';

export { type ChangeMark, type ChangeMarks, markLevel } from './change-mark';

/** Where a finding points: an operation on the revision's canvas, or one only the base has (removed). */
export interface LocatedFinding {
  finding: ChangeFinding;
  /** The operation's id in the revision; absent when it was removed or the finding is API-wide. */
  revisionId?: string;
  /** The operation's id in the base, when the revision no longer has it. */
  baseId?: string;
}

/** `/pets/{petId}` → `/pets/{}`: a renamed path parameter names the same operation. */
function shape(label: string): string {
  return label.replace(/\{[^}/]*?(\+?)\}/g, (_match, greedy: string) => `{${greedy}}`);
}

/** Each operation of a design by the label findings use (`GET /pets/{petId}`, a route key) and by its shape. */
function operationIds(design: Design): { byLabel: Map<string, string>; byShape: Map<string, string>; paths: Map<string, string> } {
  const byLabel = new Map<string, string>();
  const byShape = new Map<string, string>();
  const paths = new Map<string, string>();
  const add = (label: string, id: string, path: string) => {
    if (!byLabel.has(label)) byLabel.set(label, id);
    if (!byShape.has(shape(label))) byShape.set(shape(label), id);
    paths.set(id, path);
  };
  if (design.api.type === 'REST') {
    const resourcePaths = allResourcePaths(design);
    for (const method of valuesOf(design.methods)) {
      const path = resourcePaths.get(method.resourceId);
      if (path !== undefined) add(`${method.httpMethod} ${path}`, method.id, path);
    }
  } else
    for (const route of valuesOf(design.routes))
      add(route.routeKey, route.id, design.api.type === 'HTTP' ? (parseHttpRouteKey(route.routeKey)?.path ?? route.routeKey) : '');
  return { byLabel, byShape, paths };
}

function find(ids: ReturnType<typeof operationIds>, label: string): string | undefined {
  return ids.byLabel.get(label) ?? ids.byShape.get(shape(label));
}

/** Ties each finding to the operation it names, in the revision if it is still there, else in the base. */
export function locateFindings(base: Design, revision: Design, findings: readonly ChangeFinding[]): LocatedFinding[] {
  const before = operationIds(base);
  const after = operationIds(revision);
  return findings.map((finding) => {
    if (finding.operation === undefined) return { finding };
    const revisionId = find(after, finding.operation);
    if (revisionId !== undefined) return { finding, revisionId };
    const baseId = find(before, finding.operation);
    return baseId !== undefined ? { finding, baseId } : { finding };
  });
}

/**
 * The card of the revision nearest to where a removed element was: the card of its path, else of the
 * nearest parent path that still has one (`/pets/{id}/toys` removed whole → the `/pets` card); a
 * WebSocket route → the routes card.
 */
function nearestCard(revision: Design, path: string): string | undefined {
  const cards = designCards(revision).cards.filter(isApiCard);
  if (revision.api.type === 'WEBSOCKET') return cards[0]?.id;
  const byShape = new Map(cards.map((card) => [shape(card.title), card.id] as const));
  let rest = shape(path);
  for (;;) {
    const id = byShape.get(rest === '' ? '/' : rest);
    if (id !== undefined) return id;
    if (rest === '' || rest === '/') return undefined;
    rest = rest.slice(0, rest.lastIndexOf('/'));
  }
}

/** The path a removed element had in the base: a resource's, a method's resource's, an HTTP route's. */
function basePath(base: Design, change: ElementChange, paths: Map<string, string>): string | undefined {
  if (change.baseId === undefined) return undefined;
  if (change.kind === 'resource') return allResourcePaths(base).get(change.baseId as never);
  if (change.kind === 'method' || change.kind === 'route') return paths.get(change.baseId);
  return undefined;
}

/**
 * What the revision's canvas marks: each added or changed card and row, the most severe finding of each
 * operation, and, on the nearest card still there, what was removed (with its finding's level).
 */
export function changeMarks(base: Design, revision: Design, comparison: DesignComparison, located: readonly LocatedFinding[]): ChangeMarks {
  const marks: Record<string, ChangeMark> = {};
  const mark = (id: string): ChangeMark => {
    let entry = marks[id];
    if (!entry) {
      entry = {};
      marks[id] = entry;
    }
    return entry;
  };
  const removedLevel = new Map<string, ChangeLevel>();
  for (const { finding, revisionId, baseId } of located) {
    if (revisionId !== undefined) {
      const entry = mark(revisionId);
      entry.level = worse(entry.level, finding.level);
    } else if (baseId !== undefined) removedLevel.set(baseId, worse(removedLevel.get(baseId), finding.level));
  }
  const { paths } = operationIds(base);
  for (const change of comparison.changes) {
    if (change.change !== 'removed') {
      if (change.revisionId !== undefined && change.kind !== 'api') mark(change.revisionId).change = change.change;
      continue;
    }
    const path = basePath(base, change, paths);
    if (path === undefined || change.baseId === undefined) continue;
    const card = nearestCard(revision, path);
    if (card === undefined) continue;
    const entry = mark(card);
    const level = removedLevel.get(change.baseId);
    entry.removed = [...(entry.removed ?? []), { label: change.label, baseId: change.baseId, ...(level ? { level } : {}) }];
  }
  return marks;
}

/** The card of the revision that names a removed element (see `changeMarks`). */
export function cardNamingRemoved(marks: ChangeMarks, baseId: string): string | undefined {
  for (const [id, mark] of Object.entries(marks)) if (mark.removed?.some((removed) => removed.baseId === baseId)) return id;
  return undefined;
}
