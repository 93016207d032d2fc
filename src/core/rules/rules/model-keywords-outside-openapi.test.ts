import { describe, expect, it } from 'vitest';
import { addModel } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { modelKeywordsOutsideOpenapi as rule } from './model-keywords-outside-openapi';

describe('model-keywords-outside-openapi', () => {
  it('warns about draft 4 keywords OpenAPI lacks, and a list of types', () => {
    const design = build(restPetStore(), (d) =>
      addModel(d, {
        id: ids.mdl('m'),
        name: 'Tagged',
        contentType: 'application/json',
        schema: { type: 'object', patternProperties: { '^x-': { type: 'string' } }, properties: { n: { type: ['string', 'null'] } } },
      }),
    );
    expect(lintWith(rule, design)).toMatchObject([
      { severity: 'warning', target: { id: ids.mdl('m') }, message: expect.stringContaining('patternProperties, type (a list of types)') },
    ]);
  });

  it('is quiet for OpenAPI keywords and for a property that happens to be called "id"', () => {
    const design = build(restPetStore(), (d) =>
      addModel(d, {
        id: ids.mdl('m'),
        name: 'Plain',
        contentType: 'application/json',
        schema: { type: 'object', properties: { id: { type: 'string', nullable: true }, definitions: { type: 'string' } } },
      }),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });
});
