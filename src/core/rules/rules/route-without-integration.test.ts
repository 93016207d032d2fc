import { describe, expect, it } from 'vitest';
import { addRoute } from '../../model';
import { build, httpPets, ids, webSocketChat } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { routeWithoutIntegration as rule } from './route-without-integration';

describe('route-without-integration', () => {
  it('names routes without an integration', () => {
    expect(lintWith(rule, webSocketChat())).toMatchObject([
      { severity: 'warning', message: 'The $connect route has no integration.', target: { kind: 'route', id: ids.rte('connect') } },
      { message: 'The $disconnect route has no integration.' },
    ]);
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => addRoute(d, { routeKey: '$default' })),
      ),
    ).toMatchObject([{ message: 'The $default route has no integration.' }]);
  });

  it('is quiet when every route has one', () => {
    expect(lintWith(rule, httpPets())).toEqual([]);
  });
});
