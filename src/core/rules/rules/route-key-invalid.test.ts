import { describe, expect, it } from 'vitest';
import { checkDesign, type Design, type Route } from '../../model';
import { httpPets, webSocketChat } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { routeKeyInvalid as rule } from './route-key-invalid';

/** Built directly: addRoute, updateRoute and checkDesign refuse these keys; imported data might still carry one. */
function withKey(design: Design, routeKey: string): Design {
  const route = { ...(Object.values(design.routes)[0] as Route), routeKey };
  return { ...design, routes: { ...design.routes, [route.id]: route } };
}

describe('route-key-invalid', () => {
  it.each([
    ['a WebSocket route key on an HTTP API', httpPets, '$connect'],
    ['a greedy variable before the end of an HTTP route', httpPets, 'GET /{proxy+}/more'],
    ['an HTTP route key on a WebSocket API', webSocketChat, 'GET /pets'],
  ] as const)('names %s', (_name, fixture, key) => {
    const design = withKey(fixture(), key);
    expect(checkDesign(design).length).toBeGreaterThan(0);
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'route' } }]);
  });

  it('is quiet on valid route keys', () => {
    expect(lintWith(rule, httpPets())).toEqual([]);
    expect(lintWith(rule, webSocketChat())).toEqual([]);
  });
});
