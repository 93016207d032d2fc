import { describe, expect, it } from 'vitest';
import { addIntegration, addMethod, addResource, changeApiType, connectIntegration, emptyDesign, updateBinding } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiNoMappingTemplates as rule } from './http-api-no-mapping-templates';

/** A custom Lambda integration with a template, switched to HTTP: the route keeps the template. */
const converted = () =>
  build(
    emptyDesign('REST'),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'pets', id: ids.res('pets') }),
    (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'POST', id: ids.mth('create') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
    (d) => connectIntegration(d, ids.mth('create'), ids.int('fn')),
    (d) =>
      updateBinding(d, ids.mth('create'), {
        proxy: false,
        requestTemplates: { 'application/json': '{"name": "$input.path(\'$.name\')"}' },
      }),
    (d) => changeApiType(d, 'HTTP'),
  );

describe('http-api-no-mapping-templates', () => {
  it('names a route that kept its mapping template', () => {
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
