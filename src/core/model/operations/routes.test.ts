import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { build, httpPets, ids, refusalOf, webSocketChat } from '../testing/design-builder';
import { addRoute, deleteRoutes, updateRoute } from './routes';

describe('addRoute', () => {
  it('adds an HTTP route, normalising the verb and spaces', () => {
    const design = build(emptyDesign('HTTP'), (d) =>
      addRoute(d, { routeKey: ' get   /pets/{id} ', id: ids.rte('get'), position: { x: 0, y: 9 } }),
    );
    expect(design.routes[ids.rte('get')]).toEqual({
      id: ids.rte('get'),
      routeKey: 'GET /pets/{id}',
      authorizationScopes: [],
      apiKeyRequired: false,
      tags: [],
      parameters: [],
      responses: [],
    });
    // The route starts the card of its path, which goes where it was put.
    expect(design.layout).toEqual({ 'grp:/pets/{id}': { x: 0, y: 9 } });
  });

  it.each(['$default', 'ANY /{proxy+}', 'GET /', 'DELETE /a/{b}/c'])('accepts the HTTP route key %j', (routeKey) => {
    expect(build(emptyDesign('HTTP'), (d) => addRoute(d, { routeKey })).routes).not.toEqual({});
  });

  it.each([
    ['', 'cannot be empty'],
    ['$connect', 'is a WebSocket route key'],
    ['pets', 'is not a route key'],
    ['FETCH /pets', 'is not a route key'],
    ['GET /pets/', 'cannot end with "/"'],
    ['GET /{proxy+}/x', 'must be the last part'],
  ])('refuses the HTTP route key %j', (routeKey, message) => {
    const error = refusalOf(emptyDesign('HTTP'), (d) => addRoute(d, { routeKey }));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toContain(message);
  });

  it.each(['$connect', '$disconnect', '$default', 'sendMessage'])('accepts the WebSocket route key %j', (routeKey) => {
    expect(Object.values(build(emptyDesign('WEBSOCKET'), (d) => addRoute(d, { routeKey })).routes)[0]?.routeKey).toBe(routeKey);
  });

  it.each([
    ['$join', 'only $connect, $disconnect and $default start with "$"'],
    ['GET /pets', 'looks like an HTTP route'],
  ])('refuses the WebSocket route key %j', (routeKey, message) => {
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => addRoute(d, { routeKey })).message).toContain(message);
  });

  it('refuses duplicate keys (also after normalising), taken ids and REST APIs', () => {
    const design = httpPets();
    const error = refusalOf(design, (d) => addRoute(d, { routeKey: 'get /pets' }));
    expect(error.code).toBe('duplicate');
    expect(error.message).toBe('The route "GET /pets" already exists: route keys are unique.');
    expect(refusalOf(design, (d) => addRoute(d, { routeKey: 'GET /x', id: ids.rte('list') })).code).toBe('duplicate');
    expect(refusalOf(webSocketChat(), (d) => addRoute(d, { routeKey: '$connect' })).code).toBe('duplicate');
    expect(refusalOf(emptyDesign('REST'), (d) => addRoute(d, { routeKey: 'GET /x' })).message).toBe(
      'Routes exist only in HTTP APIs and WebSocket APIs; this is a REST API.',
    );
  });
});

describe('updateRoute', () => {
  it('renames the key and edits documentation; an unchanged patch returns the same design', () => {
    const design = httpPets();
    const next = build(design, (d) => updateRoute(d, ids.rte('list'), { routeKey: 'get /animals', summary: 'List' }));
    expect(next.routes[ids.rte('list')]).toMatchObject({ routeKey: 'GET /animals', summary: 'List' });
    expect(updateRoute(design, ids.rte('list'), { routeKey: 'get /pets' })).toBe(design);
  });

  it('refuses a clash, an invalid key and a missing route', () => {
    const design = httpPets();
    expect(refusalOf(design, (d) => updateRoute(d, ids.rte('list'), { routeKey: 'POST /pets' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateRoute(d, ids.rte('list'), { routeKey: 'pets' })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateRoute(d, ids.rte('gone'), {})).code).toBe('not-found');
  });

  it('refuses a body naming a missing model', () => {
    const content = { 'application/json': { modelId: ids.mdl('gone') } };
    expect(refusalOf(httpPets(), (d) => updateRoute(d, ids.rte('create'), { requestBody: { required: true, content } })).code).toBe(
      'not-found',
    );
  });

  it('refuses renaming an authorized WebSocket $connect route', () => {
    const error = refusalOf(webSocketChat(), (d) => updateRoute(d, ids.rte('connect'), { routeKey: 'join' }));
    expect(error.code).toBe('not-allowed');
    expect(error.message).toContain('WebSocket authorizers run only on $connect');
  });
});

describe('deleteRoutes', () => {
  it('removes routes, their positions and stage throttles', () => {
    const design = build(httpPets(), (d) => deleteRoutes(d, [ids.rte('list')]));
    expect(Object.keys(design.routes)).toEqual([ids.rte('create')]);
    expect(design.stages[ids.stg('dev')]?.routeOverrides).toEqual({});
    expect(checkDesign(design)).toEqual([]);
  });

  it('refuses a missing route; an empty list changes nothing', () => {
    const design = httpPets();
    expect(refusalOf(design, (d) => deleteRoutes(d, [ids.rte('gone')])).message).toBe('There is no route with id "rte_gone".');
    expect(deleteRoutes(design, [])).toBe(design);
  });
});
