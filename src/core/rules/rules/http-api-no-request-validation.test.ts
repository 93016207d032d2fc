import { describe, expect, it } from 'vitest';
import type { Design } from '../../model';
import { httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiNoRequestValidation as rule } from './http-api-no-request-validation';

/** Built directly: addRequestValidator and changeApiType refuse validators on HTTP APIs, imported data may not. */
function httpWithValidator(): Design {
  const validator = { id: ids.val('body'), name: 'body', validateRequestBody: true, validateRequestParameters: false };
  return { ...httpPets(), requestValidators: { [validator.id]: validator } };
}

describe('http-api-no-request-validation', () => {
  it('names a request validator on an HTTP API', () => {
    expect(lintWith(rule, httpWithValidator())).toMatchObject([
      { severity: 'error', target: { kind: 'requestValidator', id: ids.val('body') } },
    ]);
  });

  it('is quiet on HTTP APIs without validators and on REST APIs', () => {
    expect(lintWith(rule, httpPets())).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix deletes the validator', () => {
    const design = httpWithValidator();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
