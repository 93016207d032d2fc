import { describe, expect, it } from 'vitest';
import {
  addMethod,
  addResource,
  addRoute,
  applyOperation,
  cardGeometry,
  type Design,
  emptyDesign,
  httpMethods,
  type ResourceId,
} from '../core/model';
import { coveredCards } from '../core/model/testing/card-overlaps';
import { build, ids } from '../core/model/testing/design-builder';
import { createFromPalette } from './create-from-palette';
import { paletteEntries } from './palette-entries';

function create(design: Design, ...args: Parameters<typeof createFromPalette> extends [Design, ...infer Rest] ? Rest : never) {
  const creation = createFromPalette(design, ...args);
  const result = applyOperation(design, creation.operation);
  return { creation, result };
}

describe('palette entries', () => {
  it('offers resources and methods on REST and routes elsewhere, with kinds valid for the type', () => {
    const rest = paletteEntries('REST').map((entry) => entry.kind);
    expect(rest).toEqual([
      'resource',
      'method',
      'authorizer-IAM',
      'authorizer-COGNITO_USER_POOLS',
      'authorizer-LAMBDA_TOKEN',
      'authorizer-LAMBDA_REQUEST',
      // REST APIs have had JWT authorizers since 2026.
      'authorizer-JWT',
      'integration-LAMBDA',
      'integration-HTTP',
      'integration-AWS_SERVICE',
      'integration-MOCK',
      'integration-VPC_LINK',
    ]);
    const http = paletteEntries('HTTP').map((entry) => entry.kind);
    expect(http).toContain('route');
    expect(http).toContain('authorizer-JWT');
    expect(http).not.toContain('integration-MOCK');
    expect(http).not.toContain('resource');
    expect(
      paletteEntries('WEBSOCKET')
        .filter((entry) => entry.group === 'Authorizers')
        .map((entry) => entry.kind),
    ).toEqual(['authorizer-IAM', 'authorizer-LAMBDA_REQUEST']);
    expect(paletteEntries('REST').find((entry) => entry.kind === 'integration-LAMBDA')?.actionName).toBe('Add Lambda function integration');
  });
});

describe('create from palette', () => {
  it('nests a dropped resource under the resource it lands on, with a unique path part', () => {
    const design = build(emptyDesign('REST'), (d) => addResource(d, { id: ids.res('pets'), parentId: ids.root, pathPart: 'pets' }));
    const first = create(design, 'resource', { point: { x: 100, y: 100 }, targetId: ids.res('pets') });
    if (!first.result.ok) throw first.result.error;
    expect(first.result.design.resources[first.creation.id as never]).toMatchObject({ parentId: ids.res('pets'), pathPart: 'resource' });
    const second = create(first.result.design, 'resource', { point: { x: 100, y: 100 }, targetId: ids.res('pets') });
    if (!second.result.ok) throw second.result.error;
    expect(second.result.design.resources[second.creation.id as never]).toMatchObject({ pathPart: 'resource2' });
    // Into the outline under its parent (indented one level), the cards below making room; nothing covered.
    const pets = first.result.design.layout[ids.res('pets')];
    expect(first.result.design.layout[first.creation.id as ResourceId]).toEqual({
      x: (pets?.x ?? 0) + cardGeometry.indent,
      y: expect.any(Number),
    });
    expect(second.result.design.layout[second.creation.id as ResourceId]?.x).toBe((pets?.x ?? 0) + cardGeometry.indent);
    expect(coveredCards(second.result.design)).toEqual([]);
  });

  it('puts a resource dropped on empty canvas under the root', () => {
    const { creation, result } = create(emptyDesign('REST'), 'resource', { point: { x: 0, y: 0 } });
    if (!result.ok) throw result.error;
    expect(result.design.resources[creation.id as never]).toMatchObject({ parentId: ids.root });
  });

  it('adds a method with the first free verb to the resource under it, else the selected one, else the root', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addResource(d, { id: ids.res('pets'), parentId: ids.root, pathPart: 'pets' }),
      (d) => addMethod(d, { id: ids.mth('list'), resourceId: ids.res('pets'), httpMethod: 'GET' }),
    );
    const onTarget = create(design, 'method', { point: { x: 0, y: 0 }, targetId: ids.res('pets') });
    if (!onTarget.result.ok) throw onTarget.result.error;
    expect(onTarget.result.design.methods[onTarget.creation.id as never]).toMatchObject({
      resourceId: ids.res('pets'),
      httpMethod: 'POST',
    });
    const viaSelection = create(design, 'method', { point: { x: 0, y: 0 }, selection: [ids.mth('list')] });
    if (!viaSelection.result.ok) throw viaSelection.result.error;
    expect(viaSelection.result.design.methods[viaSelection.creation.id as never]).toMatchObject({ resourceId: ids.res('pets') });
    const onRoot = create(design, 'method', { point: { x: 0, y: 0 } });
    if (!onRoot.result.ok) throw onRoot.result.error;
    expect(onRoot.result.design.methods[onRoot.creation.id as never]).toMatchObject({ resourceId: ids.root, httpMethod: 'GET' });
  });

  it('refuses a method when every verb is taken', () => {
    const full = build(
      emptyDesign('REST'),
      ...httpMethods.map((httpMethod) => (d: Design) => addMethod(d, { resourceId: ids.root, httpMethod })),
    );
    const { result } = create(full, 'method', { point: { x: 0, y: 0 } });
    expect(result.ok).toBe(false);
  });

  it('gives routes unique keys for the API type', () => {
    const http = build(emptyDesign('HTTP'), (d) => addRoute(d, { routeKey: 'GET /new-route' }));
    const added = create(http, 'route', { point: { x: 0, y: 0 } });
    if (!added.result.ok) throw added.result.error;
    expect(added.result.design.routes[added.creation.id as never]).toMatchObject({ routeKey: 'GET /new-route2' });
    const ws = create(emptyDesign('WEBSOCKET'), 'route', { point: { x: 0, y: 0 } });
    if (!ws.result.ok) throw ws.result.error;
    expect(ws.result.design.routes[ws.creation.id as never]).toMatchObject({ routeKey: 'newRoute' });
  });

  it('adds authorizers and integrations of the chosen kind, refusing kinds the API type lacks', () => {
    const authorizer = create(emptyDesign('REST'), 'authorizer-LAMBDA_TOKEN', { point: { x: 0, y: 0 } });
    if (!authorizer.result.ok) throw authorizer.result.error;
    expect(authorizer.result.design.authorizers[authorizer.creation.id as never]).toMatchObject({ kind: 'LAMBDA_TOKEN' });
    const integration = create(emptyDesign('REST'), 'integration-VPC_LINK', { point: { x: 0, y: 0 } });
    if (!integration.result.ok) throw integration.result.error;
    expect(integration.result.design.integrations[integration.creation.id as never]).toMatchObject({ kind: 'VPC_LINK' });
    expect(create(emptyDesign('HTTP'), 'integration-MOCK', { point: { x: 0, y: 0 } }).result.ok).toBe(false);
  });
});
