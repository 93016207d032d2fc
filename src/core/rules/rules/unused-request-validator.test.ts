import { describe, expect, it } from 'vitest';
import { addRequestValidator, updateApi, updateMethod } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { unusedRequestValidator as rule } from './unused-request-validator';

const withValidator = () =>
  build(restPetStore(), (d) =>
    addRequestValidator(d, { id: ids.val('body'), name: 'Body', validateRequestBody: true, validateRequestParameters: false }),
  );

describe('unused-request-validator', () => {
  it('advises about a validator no method names and that is not the default', () => {
    expect(lintWith(rule, withValidator())).toMatchObject([
      { severity: 'info', target: { kind: 'requestValidator', id: ids.val('body') } },
    ]);
  });

  it('is quiet when a method uses it or it is the default', () => {
    expect(
      lintWith(
        rule,
        build(withValidator(), (d) => updateMethod(d, ids.mth('create'), { requestValidatorId: ids.val('body') })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(withValidator(), (d) => updateApi(d, { defaultRequestValidatorId: ids.val('body') })),
      ),
    ).toEqual([]);
  });

  it('quick fix deletes it', () => {
    const design = withValidator();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
