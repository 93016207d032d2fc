import { describe, expect, it } from 'vitest';
import { addIntegration, addRoute, connectIntegration, emptyDesign, updateBinding } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiNoMappingTemplates as rule } from './http-api-no-mapping-templates';

/** A route with a mapping template, as an import may bring it (changeApiType removes templates, and says so). */
const converted = () =>
  build(
    emptyDesign('HTTP'),
    (d) => addRoute(d, { routeKey: 'POST /pets', id: ids.rte('create') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
    (d) => connectIntegration(d, ids.rte('create'), ids.int('fn')),
    (d) => updateBinding(d, ids.rte('create'), { requestTemplates: { 'application/json': '{"name": "$input.path(\'$.name\')"}' } }),
  );

describe('http-api-no-mapping-templates', () => {
  it('names a route that has a mapping template', () => {
    expect(lintWith(rule, converted())).toMatchObject([
      { severity: 'error', message: 'POST /pets has mapping templates, which HTTP APIs do not support.', target: { kind: 'route' } },
    ]);
  });

  it('is quiet on HTTP routes with proxy integrations', () => {
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fix removes the templates', () => {
    const design = converted();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
