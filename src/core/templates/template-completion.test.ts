import { describe, expect, it } from 'vitest';
import { restPetStore } from '../examples/rest-pet-store';
import { sqsIngestion } from '../examples/sqs-ingestion';
import { addStage, asId, connectAuthorizer, type Design, type MethodId, updateMethod, updateStage } from '../model';
import { completeMappingTemplate } from './template-completion';
import { type TemplateVocabulary, templateVocabulary } from './template-vocabulary';

const vocabulary: TemplateVocabulary = {
  phase: 'request',
  stageVariables: ['backendHost', 'tableName'],
  parameters: [
    { in: 'path', name: 'petId' },
    { in: 'query', name: 'page' },
    { in: 'header', name: 'x-tenant' },
  ],
  bodyPaths: ['$.type', '$.payload', '$.payload.id'],
  authorizerKeys: ['claims.sub', 'claims.email'],
};

/** Completes at the `|` of `text`. */
function complete(text: string, phase: TemplateVocabulary['phase'] = 'request') {
  const offset = text.indexOf('|');
  const result = completeMappingTemplate(text.replace('|', ''), offset, { ...vocabulary, phase });
  return { from: result.from, offset, labels: result.items.map((item) => item.label), items: result.items };
}

describe('completeMappingTemplate', () => {
  it("offers the four variables after $, with the template's own #set and #foreach variables", () => {
    expect(complete('#set($root = 1)\n#foreach($pet in $list)#end\n$|').labels).toEqual([
      'input',
      'util',
      'context',
      'stageVariables',
      'root',
      'pet',
    ]);
    expect(complete('{"a": "$!{st|').labels).toEqual(['stageVariables']);
  });

  it("offers $input's and $util's members with their calls", () => {
    expect(complete('$input.|').labels).toEqual(['body', "json('')", 'params()', "params('')", "path('')"]);
    const path = complete('$input.pa|').items.find((item) => item.label === "path('')");
    expect(path).toMatchObject({ insertText: "path('')", cursorBack: 2 });
    expect(complete('$util.|').labels).toEqual([
      'escapeJavaScript()',
      'parseJson()',
      'urlEncode()',
      'urlDecode()',
      'base64Encode()',
      'base64Decode()',
    ]);
    expect(complete('$util.url|')).toMatchObject({ labels: ['urlEncode()', 'urlDecode()'], from: 6 });
  });

  it("offers the method's parameters inside $input.params('…') and its model's JSONPaths inside $input.path('…')", () => {
    expect(complete("$input.params('|')").labels).toEqual(['petId', 'page', 'x-tenant']);
    expect(complete('"$input.params("x-|")"').labels).toEqual(['x-tenant']);
    expect(complete("#set($r = $input.path('$.pay|'))")).toMatchObject({ labels: ['$.payload', '$.payload.id'], from: 23 });
    expect(complete("$input.json('|')").labels).toEqual(['$', '$.type', '$.payload', '$.payload.id']);
  });

  it('walks $context as API Gateway names it, with the authorizer claims and overrides the template may set', () => {
    expect(complete('$context.identity.s|').labels).toEqual(['sourceIp']);
    expect(complete('$context.identity.clientCert.validity.|').labels).toEqual(['notBefore', 'notAfter']);
    expect(complete('$context.authorizer.claims.|').labels).toEqual(['sub', 'email']);
    expect(complete('$context.requestOverride.path.|').labels).toEqual(['petId']);
    const request = complete('$context.|').labels;
    expect(request).toContain('requestOverride');
    expect(request).not.toContain('responseOverride');
    expect(request).not.toContain('error');
    const response = complete('$context.|', 'response').labels;
    expect(response).toContain('responseOverride');
    expect(response).not.toContain('requestOverride');
  });

  it('offers stage variables and directives, and nothing after a variable it does not know', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a VTL formal reference is the data under test.
    expect(complete('${stageVariables.|}').labels).toEqual(['backendHost', 'tableName']);
    expect(complete('#fo|').items[0]).toMatchObject({ label: 'foreach', insertText: 'foreach()', cursorBack: 1 });
    expect(complete('## a comment #|').labels).toEqual([]);
    expect(complete('$pet.|').labels).toEqual([]);
    expect(complete('plain text|').labels).toEqual([]);
  });
});

describe('templateVocabulary', () => {
  it("reads the design: every stage's variables, the path's parameters and declared ones, the request model's properties", () => {
    let design: Design = sqsIngestion();
    const methodId = 'mth_send' as MethodId;
    design = updateStage(design, asId('Stage', 'stg_prod'), { variables: { queueName: 'events', region: 'us-east-1' } });
    design = addStage(design, { name: 'beta', id: asId('Stage', 'stg_beta') });
    design = updateStage(design, asId('Stage', 'stg_beta'), { variables: { queueName: 'events-beta', debug: 'true' } });
    design = updateMethod(design, methodId, { parameters: [{ in: 'header', name: 'x-source', required: false }] });
    expect(templateVocabulary(design, methodId, 'request')).toEqual({
      phase: 'request',
      stageVariables: ['debug', 'queueName', 'region'],
      parameters: [{ in: 'header', name: 'x-source' }],
      bodyPaths: ['$.type', '$.payload'],
      authorizerKeys: [],
    });
    expect(templateVocabulary(design, methodId, 'response').bodyPaths).toEqual([]);
  });

  it('takes path parameters from the resource path and claims from a Cognito authorizer', () => {
    const design = connectAuthorizer(restPetStore(), asId('Method', 'mth_get'), asId('Authorizer', 'auth_users'));
    const found = templateVocabulary(design, asId('Method', 'mth_get'), 'request');
    expect(found.parameters).toEqual([{ in: 'path', name: 'petId' }]);
    expect(found.authorizerKeys).toContain('claims.sub');
    expect(templateVocabulary(restPetStore(), asId('Method', 'mth_get'), 'request').authorizerKeys).toEqual([]);
  });
});
