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

  it('names a Lambda integration given a function name instead of its ARN, and accepts ARNs with aliases and stage variables', () => {
    const named = build(restPetStore(), (d) => updateIntegration(d, ids.int('fn'), { functionArn: 'my-function' }));
    expect(lintWith(rule, named).map((finding) => finding.message)).toEqual([
      'Integration Lambda function has "my-function" as function, which is not a Lambda function ARN.',
    ]);
    for (const functionArn of [
      'arn:aws:lambda:eu-west-1:123456789012:function:fn:live',
      'arn:aws-cn:lambda:cn-north-1:123456789012:function:fn',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax.
      'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax.
      '${stageVariables.functionArn}',
    ])
      expect(
        lintWith(
          rule,
          build(restPetStore(), (d) => updateIntegration(d, ids.int('fn'), { functionArn })),
        ),
        functionArn,
      ).toEqual([]);
  });

  it('is quiet on an HTTP API first-class integration, which has a subtype and no Region (real documents carry none)', () => {
    // As imported from the corpus file sqs-sendmessage-subtype-http.yaml.
    const design = build(
      httpPets(),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('queue') }),
      (d) => updateIntegration(d, ids.int('queue'), { region: '', integrationSubtype: 'SQS-SendMessage' }),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });
});
