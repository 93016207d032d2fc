import { describe, expect, it } from 'vitest';
import type { Design } from '../design';
import { emptyDesign } from '../design';
import { build, httpPets, ids, restPetStore, webSocketChat } from '../testing/design-builder';
import { autoLayout, nodeSizes } from './auto-layout';
import { addIntegration } from './integrations';
import { addMethod } from './methods';
import { addResource } from './resources';

function nodeIds(design: Design): string[] {
  return [design.resources, design.methods, design.routes, design.authorizers, design.integrations].flatMap((record) =>
    Object.keys(record),
  );
}

const heightOf = (design: Design, id: string): number =>
  id in design.resources ? nodeSizes.resource.height : id in design.routes ? nodeSizes.route.height : nodeSizes.method.height;

/** Every node has a finite position and no two nodes in one column (same x) overlap vertically. */
function expectTidy(design: Design): void {
  const laidOut = autoLayout(design);
  const columns = new Map<number, { id: string; y: number }[]>();
  for (const id of nodeIds(design)) {
    const position = laidOut.layout[id as keyof Design['layout']];
    expect(position, id).toBeDefined();
    expect(Number.isFinite(position!.x) && Number.isFinite(position!.y)).toBe(true);
    columns.set(position!.x, [...(columns.get(position!.x) ?? []), { id, y: position!.y }]);
  }
  expect(Object.keys(laidOut.layout).sort()).toEqual(nodeIds(design).sort());
  for (const column of columns.values()) {
    column.sort((a, b) => a.y - b.y);
    for (let index = 1; index < column.length; index += 1) {
      const above = column[index - 1]!;
      expect(column[index]!.y, `${column[index]!.id} overlaps ${above.id}`).toBeGreaterThanOrEqual(above.y + heightOf(design, above.id));
    }
  }
}

describe('autoLayout', () => {
  it('lays out the example designs without overlaps', () => {
    expectTidy(restPetStore());
    expectTidy(httpPets());
    expectTidy(webSocketChat());
    expectTidy(emptyDesign('REST'));
    expectTidy(emptyDesign('HTTP'));
  });

  it('keeps methods of a parent and its only child apart', () => {
    expectTidy(
      build(
        emptyDesign('REST'),
        (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET' }),
        (d) => addResource(d, { parentId: ids.root, pathPart: 'a', id: ids.res('a') }),
        (d) => addMethod(d, { resourceId: ids.res('a'), httpMethod: 'GET' }),
        (d) => addResource(d, { parentId: ids.res('a'), pathPart: 'b', id: ids.res('b') }),
        (d) => addMethod(d, { resourceId: ids.res('b'), httpMethod: 'GET' }),
        (d) => addMethod(d, { resourceId: ids.res('b'), httpMethod: 'POST' }),
      ),
    );
  });

  it('lays out a wide and deep tree with many methods and unused backends', () => {
    let design = emptyDesign('REST');
    const verbs = ['GET', 'POST', 'PUT', 'DELETE'] as const;
    for (let index = 0; index < 12; index += 1) {
      const parentId = index < 3 ? ids.root : ids.res(String(index % 3));
      design = build(design, (d) => addResource(d, { parentId, pathPart: `p${index}`, id: ids.res(String(index)) }));
      for (let verb = 0; verb < (index % 4) + 1; verb += 1)
        design = build(design, (d) => addMethod(d, { resourceId: ids.res(String(index)), httpMethod: verbs[verb]! }));
    }
    design = build(
      design,
      (d) => addIntegration(d, { kind: 'MOCK' }),
      (d) => addIntegration(d, { kind: 'HTTP' }),
    );
    expectTidy(design);
  });

  it('returns the same design when the canvas is already laid out', () => {
    const once = autoLayout(restPetStore());
    expect(autoLayout(once)).toBe(once);
  });
});
