import { describe, expect, it } from 'vitest';
import { describeConnection, type NodeKind, nodeKindOf } from './connections';
import { emptyDesign } from './design';
import { addAuthorizer } from './operations/authorizers';
import { addIntegration } from './operations/integrations';
import { addMethod } from './operations/methods';
import { addResource } from './operations/resources';
import { build, httpPets, ids, restPetStore, webSocketChat } from './testing/design-builder';

/** A REST design with two of every node kind, none connected. */
const rest = () =>
  build(
    emptyDesign('REST'),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'a', id: ids.res('a') }),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'b', id: ids.res('b') }),
    (d) => addMethod(d, { resourceId: ids.res('a'), httpMethod: 'GET', id: ids.mth('a') }),
    (d) => addMethod(d, { resourceId: ids.res('a'), httpMethod: 'POST', id: ids.mth('b') }),
    (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('a') }),
    (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('b') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('a') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('b') }),
  );

const restNodes: Record<Exclude<NodeKind, 'route'>, [string, string]> = {
  resource: [ids.res('b'), ids.res('a')],
  method: [ids.mth('a'), ids.mth('b')],
  authorizer: [ids.auth('a'), ids.auth('b')],
  integration: [ids.int('a'), ids.int('b')],
};

describe('describeConnection on a REST design', () => {
  const allowed = new Set([
    'resource-resource',
    'resource-method',
    'method-resource',
    'method-integration',
    'integration-method',
    'method-authorizer',
    'authorizer-method',
  ]);
  for (const source of Object.keys(restNodes) as (keyof typeof restNodes)[])
    for (const target of Object.keys(restNodes) as (keyof typeof restNodes)[]) {
      const ok = allowed.has(`${source}-${target}`);
      it(`${ok ? 'allows' : 'refuses'} ${source} → ${target}`, () => {
        const design = rest();
        const [sourceId] = restNodes[source];
        const targetId = restNodes[target][source === target ? 1 : 0];
        const connection = describeConnection(design, sourceId, targetId);
        expect(connection.ok).toBe(ok);
        if (connection.ok) {
          const next = connection.apply(design);
          expect(next).not.toBe(design);
        } else expect(connection.reason).toMatch(/^[A-Z].{20,}\.$/);
      });
    }

  it('applies each allowed connection with its meaning', () => {
    const design = rest();
    const nest = describeConnection(design, ids.res('a'), ids.res('b'));
    expect(nest.ok && nest.label).toBe('Nest resource');
    if (nest.ok) expect(nest.apply(design).resources[ids.res('b')]?.parentId).toBe(ids.res('a'));
    const move = describeConnection(design, ids.mth('a'), ids.res('b'));
    expect(move.ok && move.label).toBe('Move method');
    if (move.ok) expect(move.apply(design).methods[ids.mth('a')]?.resourceId).toBe(ids.res('b'));
    const integrate = describeConnection(design, ids.int('a'), ids.mth('a'));
    expect(integrate.ok && integrate.label).toBe('Connect integration');
    if (integrate.ok) expect(integrate.apply(design).methods[ids.mth('a')]?.integration?.integrationId).toBe(ids.int('a'));
    const authorize = describeConnection(design, ids.mth('b'), ids.auth('b'));
    expect(authorize.ok && authorize.label).toBe('Connect authorizer');
    if (authorize.ok) expect(authorize.apply(design).methods[ids.mth('b')]?.authorizerId).toBe(ids.auth('b'));
  });

  it('gives the reason for each refused pair', () => {
    const design = rest();
    const reason = (a: string, b: string) => {
      const connection = describeConnection(design, a, b);
      return connection.ok ? 'ok' : connection.reason;
    };
    expect(reason(ids.mth('a'), ids.mth('b'))).toBe('Connecting a method to a method means nothing in API Gateway.');
    expect(reason(ids.auth('a'), ids.auth('b'))).toBe('Connecting an authorizer to an authorizer means nothing in API Gateway.');
    expect(reason(ids.int('a'), ids.int('b'))).toBe('Connecting an integration to an integration means nothing in API Gateway.');
    expect(reason(ids.res('a'), ids.int('a'))).toContain('connect to methods, not to resources');
    expect(reason(ids.auth('a'), ids.res('a'))).toContain('connect to methods, not to resources');
    expect(reason(ids.auth('a'), ids.int('a'))).toBe(
      'An authorizer and an integration do not connect to each other: connect each to a method or route.',
    );
    expect(reason(ids.int('a'), ids.auth('a'))).toBe(
      'An authorizer and an integration do not connect to each other: connect each to a method or route.',
    );
    expect(reason(ids.res('a'), ids.res('a'))).toBe('A node cannot be connected to itself.');
    expect(reason(ids.res('a'), 'res_gone')).toBe('One end of this connection no longer exists.');
  });

  it('passes on refusals of the operation', () => {
    const design = rest();
    const nestUnder = describeConnection(design, ids.res('a'), ids.root);
    expect(nestUnder.ok).toBe(false);
    if (!nestUnder.ok) expect(nestUnder.reason).toContain('root resource');
    const verbClash = describeConnection(
      build(design, (d) => addMethod(d, { resourceId: ids.res('b'), httpMethod: 'GET' })),
      ids.res('b'),
      ids.mth('a'),
    );
    expect(verbClash.ok).toBe(false);
    if (!verbClash.ok) expect(verbClash.reason).toBe('/b already has a GET method: one method per verb per resource.');
  });
});

describe('describeConnection on HTTP and WebSocket designs', () => {
  it('connects routes to integrations and authorizers in either direction', () => {
    const design = httpPets();
    const integrate = describeConnection(design, ids.int('fn'), ids.rte('list'));
    expect(integrate.ok).toBe(true);
    const authorize = describeConnection(design, ids.rte('list'), ids.auth('jwt'));
    expect(authorize.ok).toBe(true);
    if (authorize.ok) expect(authorize.apply(design).routes[ids.rte('list')]?.authorizerId).toBe(ids.auth('jwt'));
    const routes = describeConnection(design, ids.rte('list'), ids.rte('create'));
    expect(routes.ok ? '' : routes.reason).toBe('Connecting a route to a route means nothing in API Gateway.');
    const backends = describeConnection(design, ids.int('fn'), ids.auth('jwt'));
    expect(backends.ok).toBe(false);
  });

  it('refuses a WebSocket authorizer on a route other than $connect, with the reason', () => {
    const connection = describeConnection(webSocketChat(), ids.auth('lambda'), ids.rte('send'));
    expect(connection.ok).toBe(false);
    if (!connection.ok) expect(connection.reason).toContain('$connect');
  });

  it('explains resources and routes in one design', () => {
    const mixed = { ...restPetStore(), routes: httpPets().routes };
    const connection = describeConnection(mixed, ids.res('pets'), ids.rte('list'));
    expect(connection.ok ? '' : connection.reason).toBe('Routes belong to HTTP and WebSocket APIs; resources to REST APIs.');
    const methodRoute = describeConnection(mixed, ids.mth('list'), ids.rte('list'));
    expect(methodRoute.ok ? '' : methodRoute.reason).toBe(
      'Methods belong to REST APIs and routes to HTTP and WebSocket APIs: they do not connect.',
    );
  });

  it('names node kinds', () => {
    expect(nodeKindOf(restPetStore(), ids.res('pets'))).toBe('resource');
    expect(nodeKindOf(httpPets(), ids.rte('list'))).toBe('route');
    expect(nodeKindOf(httpPets(), 'toString')).toBeUndefined();
  });
});
