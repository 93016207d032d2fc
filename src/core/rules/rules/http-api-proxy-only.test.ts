import { describe, expect, it } from 'vitest';
import type { Design, Route } from '../../model';
import { httpPets, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiProxyOnly as rule } from './http-api-proxy-only';

/** Built directly: updateBinding refuses `proxy: false` on HTTP APIs and changeApiType makes every integration a proxy. */
function customRoute(): Design {
  const design = httpPets();
  const route = design.routes[ids.rte('list')] as Route;
  return { ...design, routes: { ...design.routes, [route.id]: { ...route, integration: { ...route.integration!, proxy: false } } } };
}

describe('http-api-proxy-only', () => {
  it('names an HTTP route with a custom integration', () => {
    expect(lintWith(rule, customRoute())).toMatchObject([{ severity: 'error', target: { kind: 'route', id: ids.rte('list') } }]);
  });

  it('is quiet on proxy integrations', () => {
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fix makes it a proxy', () => {
    const design = customRoute();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
