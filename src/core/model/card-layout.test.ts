import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../examples';
import { applyOperation } from './apply';
import { autoLayout, cardBoxes, outlineSlot, settleLayout } from './card-layout';
import { cardGeometry, cardSize, designCards } from './cards';
import type { Design } from './design';
import type { DomainId } from './ids';
import { addApiMapping, addDomain } from './operations/domains';
import { addIntegration } from './operations/integrations';
import { moveCards } from './operations/layout';
import { addMethod, deleteMethods } from './operations/methods';
import { addResource } from './operations/resources';
import { addRoute } from './operations/routes';
import { coveredCards } from './testing/card-overlaps';
import { build, httpPets, ids, restPetStore, webSocketChat } from './testing/design-builder';

const positionsOf = (design: Design) => JSON.parse(JSON.stringify(design.layout)) as Record<string, { x: number; y: number }>;
const apply = (design: Design, operation: (d: Design) => Design): Design => {
  const result = applyOperation(design, operation);
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
};

describe('autoLayout', () => {
  it.each([
    ['REST', restPetStore],
    ['HTTP', httpPets],
    ['WebSocket', webSocketChat],
  ])('%s: every card placed, none covering another, backends right of the channel', (_type, make) => {
    const design = autoLayout(make());
    const { cards } = designCards(design);
    const boxes = cardBoxes(design);
    expect(boxes).toHaveLength(cards.length);
    expect(coveredCards(design)).toEqual([]);
    const apiRight = Math.max(
      ...boxes.filter((box) => !box.id.startsWith('int_') && !box.id.startsWith('auth_')).map((b) => b.x + b.width),
    );
    for (const box of boxes)
      if (box.id.startsWith('int_') || box.id.startsWith('auth_')) expect(box.x).toBeGreaterThanOrEqual(apiRight + cardGeometry.channel);
  });

  it('puts custom domains in a column left of the API, the first beside the root, none covering another', () => {
    const design = autoLayout(
      build(
        restPetStore(),
        (d) => addDomain(d, { id: 'dom_a' as DomainId, domainName: 'a.example.com' }),
        (d) => addApiMapping(d, 'dom_a' as DomainId, { basePath: 'v1', stageId: ids.stg('prod') }),
        (d) => addApiMapping(d, 'dom_a' as DomainId, { basePath: 'v2', stageId: ids.stg('prod') }),
        (d) => addDomain(d, { id: 'dom_b' as DomainId, domainName: 'b.example.com' }),
      ),
    );
    expect(coveredCards(design)).toEqual([]);
    const a = design.layout['dom_a' as DomainId];
    const b = design.layout['dom_b' as DomainId];
    const root = design.layout[ids.root];
    expect(a).toEqual({ x: root!.x - cardGeometry.domainWidth - cardGeometry.domainChannel, y: root!.y });
    expect(b?.x).toBe(a?.x);
    expect(b?.y).toBe(a!.y + cardSize(designCards(design).byId.get('dom_a')!).height + cardGeometry.gap);
  });

  it('places a new domain below the others, and grows nothing else', () => {
    const before = autoLayout(build(restPetStore(), (d) => addDomain(d, { id: 'dom_a' as DomainId, domainName: 'a.example.com' })));
    const after = apply(before, (d) => addDomain(d, { id: 'dom_b' as DomainId, domainName: 'b.example.com' }));
    expect(coveredCards(after)).toEqual([]);
    const a = after.layout['dom_a' as DomainId];
    expect(after.layout['dom_b' as DomainId]).toEqual({
      x: a!.x,
      y: a!.y + cardSize({ kind: 'domain', rows: [], lines: 1 }).height + cardGeometry.gap,
    });
    for (const [id, at] of Object.entries(before.layout)) expect(after.layout[id as keyof Design['layout']]).toEqual(at);
  });

  it('draws the resource tree as an indented outline in pre-order', () => {
    const design = autoLayout(restPetStore());
    const api = designCards(design).cards.filter((card) => card.kind === 'resource');
    expect(api.map((card) => card.title)).toEqual(['/', '/pets', '/pets/{petId}']);
    const ys = api.map((card) => design.layout[card.id]?.y ?? Number.NaN);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const card of api) expect(design.layout[card.id]?.x).toBe(card.depth * cardGeometry.indent);
  });

  it('groups HTTP routes by path, one row per verb', () => {
    const design = autoLayout(httpPets());
    const { cards } = designCards(design);
    expect(cards.filter((card) => card.kind === 'routes').map((card) => [card.title, card.rows])).toEqual([
      ['/pets', [ids.rte('list'), ids.rte('create')]],
    ]);
  });

  it('lays out 5,000 operations without overlaps', () => {
    const design = autoLayout(syntheticDesign({ operations: 5000, seed: 3 }));
    const boxes = cardBoxes(design).sort((a, b) => a.x - b.x || a.y - b.y);
    // Columns are stacks: neighbours in one column never overlap (all pairs would be 10^7 checks).
    for (let i = 1; i < boxes.length; i += 1) {
      const a = boxes[i - 1];
      const b = boxes[i];
      if (a && b && a.x === b.x) expect(b.y, `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(a.y + a.height);
    }
  });
});

describe('settleLayout', () => {
  it('moves a new backend dropped onto a card to the nearest free place', () => {
    const design = autoLayout(restPetStore());
    const onPets = design.layout[ids.res('pets')] as { x: number; y: number };
    const next = apply(design, (d) =>
      addIntegration(d, { kind: 'HTTP', id: ids.int('web'), position: { x: onPets.x + 10, y: onPets.y + 10 } }),
    );
    expect(coveredCards(next)).toEqual([]);
    const placed = next.layout[ids.int('web')] as { x: number; y: number };
    // Nearest: a card height or width away, not across the canvas.
    expect(Math.hypot(placed.x - onPets.x, placed.y - onPets.y)).toBeLessThan(400);
    // Nothing else moved.
    const { [ids.int('web')]: _new, ...rest } = positionsOf(next);
    expect(rest).toEqual(positionsOf(design));
  });

  it('makes room below a card that gained a row, moving only what it now covers', () => {
    const design = autoLayout(restPetStore());
    const next = apply(design, (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET' }));
    expect(coveredCards(next)).toEqual([]);
    expect(next.layout[ids.root]).toEqual(design.layout[ids.root]);
    // /pets was right below the root: it moved down by exactly one row.
    expect(next.layout[ids.res('pets')]?.y).toBe(
      (design.layout[ids.res('pets')]?.y ?? 0) + cardGeometry.rowHeight + cardGeometry.rowsPadding,
    );
    // The backends, in another column, did not move.
    expect(next.layout[ids.int('fn')]).toEqual(design.layout[ids.int('fn')]);
  });

  it('inserts a new child resource into the outline below its parent', () => {
    const design = autoLayout(restPetStore());
    const next = apply(design, (d) => addResource(d, { parentId: ids.root, pathPart: 'health', id: ids.res('health') }));
    expect(coveredCards(next)).toEqual([]);
    // /health sorts before /pets: it takes the slot under the root and /pets moves down.
    expect(next.layout[ids.res('health')]).toEqual(outlineSlot(next, ids.res('health')));
    expect(next.layout[ids.res('health')]?.x).toBe(cardGeometry.indent);
    expect(next.layout[ids.res('pets')]?.y).toBeGreaterThan(design.layout[ids.res('pets')]?.y ?? 0);
  });

  it('leaves everything in place after an edit that changes no card (and is cheap on big designs)', () => {
    const design = autoLayout(syntheticDesign({ operations: 5000, seed: 3 }));
    const next = { ...design, api: { ...design.api, description: 'edited' } };
    expect(settleLayout(next, design)).toBe(next);
  });

  it('moves a dragged card off the card it was dropped on, and nothing else', () => {
    const design = autoLayout(restPetStore());
    const fn = design.layout[ids.int('fn')] as { x: number; y: number };
    const next = apply(design, (d) => moveCards(d, { [ids.auth('users')]: { x: fn.x + 8, y: fn.y + 8 } }));
    expect(coveredCards(next)).toEqual([]);
    expect(next.layout[ids.int('fn')]).toEqual(fn);
  });

  it('places a card that has no position yet, and drops positions of things that are not cards', () => {
    const design = autoLayout(restPetStore());
    const { [ids.res('pet')]: _gone, ...layout } = design.layout;
    const damaged = { ...design, layout: { ...layout, [ids.mth('list')]: { x: 1, y: 1 } } as Design['layout'] };
    const settled = settleLayout(damaged);
    expect(settled.layout[ids.res('pet')]).toBeDefined();
    expect(Object.hasOwn(settled.layout, ids.mth('list'))).toBe(false);
    expect(coveredCards(settled)).toEqual([]);
  });

  it('starts a new route group at its place in the path order and removes the group of a deleted last route', () => {
    const design = autoLayout(httpPets());
    const next = apply(design, (d) => addRoute(d, { routeKey: 'GET /pets/{id}', id: ids.rte('get') }));
    expect(next.layout['grp:/pets/{id}' as keyof Design['layout']]).toBeDefined();
    expect(coveredCards(next)).toEqual([]);
    const card = designCards(next).byId.get('grp:/pets/{id}');
    expect(card && cardSize(card).height).toBe(cardGeometry.headerHeight + cardGeometry.rowHeight + cardGeometry.rowsPadding);
  });

  it('shrinks a card when a row goes, without pulling the others up', () => {
    const design = autoLayout(restPetStore());
    const next = build(design, (d) => deleteMethods(d, [ids.mth('list')]));
    expect(next.layout[ids.res('pet')]).toEqual(design.layout[ids.res('pet')]);
  });
});
