import { describe, expect, it } from 'vitest';
import { addIntegration, updateIntegration } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { integrationTargetIncomplete as rule } from './integration-target-incomplete';

describe('integration-target-incomplete', () => {
  it('names a Lambda integration whose function was cleared and an HTTP integration without an absolute URL', () => {
    const design = build(
      restPetStore(),
      (d) => updateIntegration(d, ids.int('fn'), { functionArn: '' }),
      (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web'), name: 'Website' }),
      (d) => updateIntegration(d, ids.int('web'), { url: 'example.com/pets' }),
    );
    expect(lintWith(rule, design).map((finding) => finding.message)).toEqual([
      'Integration Lambda function has no Lambda function.',
      'Integration Website has no absolute http:// or https:// URL.',
    ]);
  });

  it('is quiet on complete targets, on a URL a stage variable supplies and on a URI kept as imported', () => {
    const fromVariable = build(
      restPetStore(),
      (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web') }),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax.
      (d) => updateIntegration(d, ids.int('web'), { url: '${stageVariables.backend}/pets' }),
    );
    expect(lintWith(rule, fromVariable)).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) =>
          updateIntegration(d, ids.int('fn'), { functionArn: '', rawUri: { 'Fn::Sub': 'arn:aws:apigateway:…' } }),
        ),
      ),
    ).toEqual([]);
  });
});
