import type { AuthorizerId, AuthorizerKind, Design, IntegrationId, IntegrationKind, Method, Resource, Route } from '../model';
import { operationLabel, pathTemplateNames, routePath } from './describe';
import { DesignIndex } from './design-index';
import type { DesignPart, DesignRule, Finding, OperationContext, OperationRule, Problem, Report, Rule } from './rule';

const noNames: readonly string[] = [];

export interface Linter {
  run(design: Design): Finding[];
}

export interface LinterOptions {
  /** The rules to run, in the order their findings are listed. */
  rules: readonly Rule[];
}

/** The part of an operation's context shared by every method and route of a design. */
type SharedContext = Pick<OperationContext, 'apiType' | 'endpointType' | 'integrationKinds' | 'authorizerKinds'>;

/** One method's or route's findings and what they were computed from. */
interface OperationSlot {
  owner: Method | Route;
  path: string | undefined;
  resource: Resource | undefined;
  findings: Finding[];
}

interface DesignEntry {
  parts: unknown[];
  findings: Finding[];
}

function toFinding(rule: Rule, problem: Problem): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    message: problem.message,
    why: rule.why,
    docsUrl: rule.docsUrl,
    target: problem.target,
  };
  if (problem.fix) finding.fix = problem.fix;
  return finding;
}

/** `{id: kind}` of a collection, or `previous` when the kinds are the same (so that it stays the same object). */
function kindsOf<K extends string, V extends string>(
  record: Readonly<Record<K, { kind: V }>>,
  previous: Readonly<Record<K, V>> | undefined,
): Readonly<Record<K, V>> {
  // No prototype: an id such as "constructor" must not find Object.prototype's members.
  const kinds = Object.create(null) as Record<K, V>;
  let count = 0;
  let same = previous !== undefined;
  for (const key of Object.keys(record) as K[]) {
    const kind = record[key].kind;
    kinds[key] = kind;
    count += 1;
    if (same && (previous as Record<K, V>)[key] !== kind) same = false;
  }
  if (same && previous !== undefined && Object.keys(previous).length === count) return previous;
  return kinds;
}

function sameFields(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, position) => value === b[position]);
}

/**
 * The incremental linter. Findings come in a fixed order: design-wide rules in registry order, then each
 * method and route in design order with its rules in registry order.
 *
 * What is reused, and why that equals a fresh run (a property test checks it on random edits):
 * - a design-wide rule whose `reads` parts are all the same objects as last time; or whose only changed
 *   parts are `methods`/`routes` where every changed element has the same `operationFields`;
 * - a method's or route's findings while it is the same object, its path and resource are the same, and
 *   the shared context (API type, endpoint type, integration and authorizer kinds) is unchanged.
 * Designs are never mutated, so the same object means the same content.
 */
export function createRuleLinter(options: LinterOptions): Linter {
  const designRules = options.rules.filter((rule): rule is DesignRule => rule.scope === 'design');
  const operationRules = options.rules.filter((rule): rule is OperationRule => rule.scope === 'operation');
  const index = new DesignIndex();
  const designCache = new Map<DesignRule, DesignEntry>();
  /** Where the operation rules' reporters put findings: the findings of the element being checked. */
  let sink: Finding[] = [];
  const reporters: Report[] = operationRules.map((rule) => (problem) => {
    sink.push(toFinding(rule, problem));
  });
  /** Path template → its variable names; many methods share a path. */
  const pathNames = new Map<string, readonly string[]>();
  const namesOf = (path: string): readonly string[] => {
    let names = pathNames.get(path);
    if (!names) {
      // Typing a path part one key at a time leaves a path per keystroke behind: start over now and then.
      if (pathNames.size > 10_000) pathNames.clear();
      names = pathTemplateNames(path);
      pathNames.set(path, names);
    }
    return names;
  };
  let shared: SharedContext | undefined;
  let bySlotOwner = new WeakMap<Method | Route, OperationSlot>();
  let methodSlots: OperationSlot[] = [];
  let routeSlots: OperationSlot[] = [];
  let lastResources: Design['resources'] | undefined;

  /** True when every changed method or route has the same `operationFields` as before. */
  const onlyIrrelevantChanges = (rule: DesignRule, part: DesignPart, before: unknown, after: unknown): boolean => {
    if (!rule.operationFields || (part !== 'methods' && part !== 'routes')) return false;
    const old = before as Record<string, Method | Route>;
    const next = after as Record<string, Method | Route>;
    const positions = index.changedPositions(old, next);
    if (!positions) return false;
    const oldValues = index.values(old);
    const nextValues = index.values(next);
    for (const position of positions) {
      const was = oldValues[position] as Method | Route;
      const now = nextValues[position] as Method | Route;
      // Findings name their element by id: another element at the same place is a real change.
      if (was.id !== now.id || !sameFields(rule.operationFields(was), rule.operationFields(now))) return false;
    }
    return true;
  };

  const runDesignRule = (rule: DesignRule, design: Design, out: Finding[]) => {
    const cached = designCache.get(rule);
    let reuse = cached !== undefined;
    if (cached)
      for (let position = 0; position < rule.reads.length && reuse; position += 1) {
        const part = rule.reads[position] as DesignPart;
        const before = cached.parts[position];
        if (before !== design[part] && !onlyIrrelevantChanges(rule, part, before, design[part])) reuse = false;
      }
    if (cached && reuse) {
      cached.parts = rule.reads.map((part) => design[part]);
      for (const finding of cached.findings) out.push(finding);
      return;
    }
    const findings: Finding[] = [];
    rule.check(design, index, (problem) => findings.push(toFinding(rule, problem)));
    designCache.set(rule, { parts: rule.reads.map((part) => design[part]), findings });
    for (const finding of findings) out.push(finding);
  };

  let lastIntegrations: Design['integrations'] | undefined;
  let lastAuthorizers: Design['authorizers'] | undefined;

  const sharedContextOf = (design: Design): SharedContext => {
    const integrationKinds =
      shared && design.integrations === lastIntegrations
        ? shared.integrationKinds
        : kindsOf<IntegrationId, IntegrationKind>(design.integrations, shared?.integrationKinds);
    const authorizerKinds =
      shared && design.authorizers === lastAuthorizers
        ? shared.authorizerKinds
        : kindsOf<AuthorizerId, AuthorizerKind>(design.authorizers, shared?.authorizerKinds);
    lastIntegrations = design.integrations;
    lastAuthorizers = design.authorizers;
    if (
      shared &&
      shared.apiType === design.api.type &&
      shared.endpointType === design.api.endpointType &&
      shared.integrationKinds === integrationKinds &&
      shared.authorizerKinds === authorizerKinds
    )
      return shared;
    // Every remembered element finding was computed against the old context.
    bySlotOwner = new WeakMap();
    methodSlots = [];
    routeSlots = [];
    shared = { apiType: design.api.type, endpointType: design.api.endpointType, integrationKinds, authorizerKinds };
    return shared;
  };

  const check = (
    owner: Method | Route,
    context: SharedContext,
    path: string | undefined,
    resource: Resource | undefined,
  ): OperationSlot => {
    const known = bySlotOwner.get(owner);
    if (known && known.path === path && known.resource === resource) return known;
    const findings: Finding[] = [];
    if (operationRules.length > 0) {
      const full: OperationContext = {
        apiType: context.apiType,
        endpointType: context.endpointType,
        integrationKinds: context.integrationKinds,
        authorizerKinds: context.authorizerKinds,
        label: operationLabel(owner, path),
        path,
        pathParameters: path === undefined ? noNames : namesOf(path),
        resource,
      };
      sink = findings;
      for (let position = 0; position < operationRules.length; position += 1)
        (operationRules[position] as OperationRule).check(owner, full, reporters[position] as Report);
    }
    const slot: OperationSlot = { owner, path, resource, findings };
    bySlotOwner.set(owner, slot);
    return slot;
  };

  const runOperations = (design: Design, out: Finding[]) => {
    const context = sharedContextOf(design);
    const resourcesSame = design.resources === lastResources;
    lastResources = design.resources;
    const methods = index.values<Method>(design.methods);
    const nextMethods: OperationSlot[] = new Array(methods.length);
    const paths = methods.length > 0 ? index.resourcePaths(design.resources) : undefined;
    for (let position = 0; position < methods.length; position += 1) {
      const method = methods[position] as Method;
      const previous = methodSlots[position];
      // The common case: same method at the same place, same resource tree: nothing to look up.
      let slot: OperationSlot;
      if (resourcesSame && previous?.owner === method) slot = previous;
      else {
        const resource = Object.hasOwn(design.resources, method.resourceId) ? design.resources[method.resourceId] : undefined;
        slot = check(method, context, paths?.get(method.resourceId), resource);
      }
      nextMethods[position] = slot;
      for (const finding of slot.findings) out.push(finding);
    }
    methodSlots = nextMethods;
    const routes = index.values<Route>(design.routes);
    const nextRoutes: OperationSlot[] = new Array(routes.length);
    for (let position = 0; position < routes.length; position += 1) {
      const route = routes[position] as Route;
      const previous = routeSlots[position];
      const slot = previous?.owner === route ? previous : check(route, context, routePath(route), undefined);
      nextRoutes[position] = slot;
      for (const finding of slot.findings) out.push(finding);
    }
    routeSlots = nextRoutes;
  };

  return {
    run(design: Design): Finding[] {
      const out: Finding[] = [];
      for (const rule of designRules) runDesignRule(rule, design, out);
      runOperations(design, out);
      return out;
    },
  };
}
