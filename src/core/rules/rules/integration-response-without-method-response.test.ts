import { describe, expect, it } from 'vitest';
import { addIntegration, connectIntegration, updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { integrationResponseWithoutMethodResponse as rule } from './integration-response-without-method-response';

/** A mock answering 404 and setting a header; updateBinding does not check them against the method responses. */
const mock = () =>
  build(
    restPetStore(),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
    (d) => connectIntegration(d, ids.mth('get'), ids.int('mock')),
    (d) =>
      updateBinding(d, ids.mth('get'), {
        responses: [
          {
            selectionPattern: 'default',
            statusCode: '200',
            responseParameters: { 'method.response.header.X-Trace': "'1'" },
            responseTemplates: {},
          },
          { selectionPattern: '404', statusCode: '404', responseParameters: {}, responseTemplates: {} },
        ],
      }),
  );

describe('integration-response-without-method-response', () => {
  it('names the undeclared status code and header', () => {
    expect(lintWith(rule, mock())).toMatchObject([
      {
        severity: 'error',
        message:
          'GET /pets/{petId} has integration responses with no method response for 404 and undeclared response header X-Trace (200).',
        target: { kind: 'method', id: ids.mth('get') },
      },
    ]);
  });

  it('is quiet when every code and header is declared', () => {
    const design = mock();
    const [finding] = lintWith(rule, design);
    const outcome = applyFix(rule, design, finding!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(lintWith(rule, outcome.design)).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });
});
