import { describe, expect, it } from 'vitest';
import { addModel, updateMethod } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { unusedModel as rule } from './unused-model';

const withModels = () =>
  build(
    restPetStore(),
    (d) => addModel(d, { id: ids.mdl('pet'), name: 'Pet', contentType: 'application/json', schema: { type: 'object' } }),
    (d) =>
      addModel(d, {
        id: ids.mdl('pets'),
        name: 'Pets',
        contentType: 'application/json',
        schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
      }),
    (d) => addModel(d, { id: ids.mdl('empty'), name: 'Empty', contentType: 'application/json', schema: { type: 'object' } }),
    (d) =>
      updateMethod(d, ids.mth('list'), {
        responses: [{ statusCode: '200', headers: {}, content: { 'application/json': { modelId: ids.mdl('pets') } } }],
      }),
  );

describe('unused-model', () => {
  it('advises about a model no body and no other model uses', () => {
    expect(lintWith(rule, withModels())).toMatchObject([
      { severity: 'info', message: 'Model Empty is used by no method, route or other model.', target: { id: ids.mdl('empty') } },
    ]);
  });

  it('counts a $ref from another model as a use', () => {
    expect(lintWith(rule, withModels()).map((finding) => finding.target.id)).not.toContain(ids.mdl('pet'));
  });

  it('quick fix deletes the model', () => {
    const design = withModels();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
