// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and Terraform placeholders are the data under test.
import { describe, expect, it } from 'vitest';
import { apiExpression, apiValue } from './api';
import { emptyDesign } from './design';
import { containsIntrinsic, expressionText, isIntrinsic, placeholdersIn, readableText, replacePlaceholders } from './json';
import { hasPlaceholder, isPathParameter, pathParameterName, pathPartProblem } from './resource';

describe('isIntrinsic', () => {
  it('is one object with one function key, and nothing else', () => {
    expect(isIntrinsic({ 'Fn::Sub': 'x' })).toBe(true);
    expect(isIntrinsic({ Ref: 'X' })).toBe(true);
    expect(isIntrinsic({ Condition: 'IsProd' })).toBe(true);
    expect(isIntrinsic({ 'Fn::Sub': 'x', Ref: 'y' })).toBe(false);
    expect(isIntrinsic({ 'Fn::Eval': 'x' })).toBe(false);
    expect(isIntrinsic(['Fn::Sub'])).toBe(false);
    expect(isIntrinsic('!Sub x')).toBe(false);
    expect(containsIntrinsic({ a: [1, { b: { Ref: 'X' } }] })).toBe(true);
    expect(containsIntrinsic({ a: [1, { b: 'Ref' }] })).toBe(false);
  });
});

describe('expressionText', () => {
  it('writes an expression as a template author would, with short tags', () => {
    expect(expressionText({ 'Fn::Sub': '${AWS::StackName}-API' })).toBe('!Sub ${AWS::StackName}-API');
    expect(expressionText({ 'Fn::GetAtt': ['Role', 'Arn'] })).toBe('!GetAtt Role.Arn');
    expect(expressionText({ 'Fn::Join': ['', ['https://', { Ref: 'Host' }, '/v1']] })).toBe("!Join ['', [https://, !Ref Host, /v1]]");
    expect(expressionText({ 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, 'a, b'] })).toBe("!If [IsProd, !Ref AWS::NoValue, 'a, b']");
    expect(expressionText([{ Ref: 'Endpoint' }, 'vpce-1'])).toBe('[!Ref Endpoint, vpce-1]');
    expect(expressionText({ 'Fn::Sub': ['${A}', { A: 'yes' }] })).toBe("!Sub ['${A}', {A: 'yes'}]");
  });

  it('cuts a long expression', () => {
    const text = expressionText({ 'Fn::Sub': 'x'.repeat(500) }, 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
  });

  it('stands for the value by readable text elsewhere', () => {
    expect(readableText({ 'Fn::Sub': '${AWS::StackName}-API' })).toBe('${AWS::StackName}-API');
    expect(readableText({ Ref: 'ApiVpcEndpoint' })).toBe('ApiVpcEndpoint');
    expect(readableText({ 'Fn::GetAtt': ['Role', 'Arn'] })).toBe('Role.Arn');
  });
});

describe('template placeholders', () => {
  it("are `${name}` of Terraform, Serverless or CloudFormation, not API Gateway's own variables", () => {
    expect(placeholdersIn('/${path_key}')).toEqual(['path_key']);
    expect(placeholdersIn('v${var.version}-${self:custom.stage}')).toEqual(['var.version', 'self:custom.stage']);
    expect(placeholdersIn('${stageVariables.fn}')).toEqual([]);
    expect(placeholdersIn('{proxy+}')).toEqual([]);
    expect(replacePlaceholders('a${x}b${stageVariables.y}', (name) => `<${name}>`)).toBe('a<x>b${stageVariables.y}');
  });

  it('may make up a path part, which is then neither refused nor a path parameter', () => {
    for (const part of ['${path_key}', 'v${api_version}', '${a}-${b}']) {
      expect(pathPartProblem(part), part).toBeUndefined();
      expect(hasPlaceholder(part)).toBe(true);
      expect(isPathParameter(part)).toBe(false);
      expect(pathParameterName(part)).toBeUndefined();
    }
    // The text around a placeholder follows the usual rules.
    expect(pathPartProblem('a b${x}')).toMatch(/characters API Gateway refuses/);
    expect(pathPartProblem('${x}/y')).toMatch(/one segment/);
    expect(pathPartProblem('{id}')).toBeUndefined();
    expect(pathPartProblem('${stageVariables.x}')).toMatch(/not a path parameter/);
  });
});

describe('apiExpression', () => {
  it('stands while the setting holds its readable text, and ends when the setting changes', () => {
    const api = {
      ...emptyDesign('REST').api,
      name: '${AWS::StackName}-API',
      vpcEndpointIds: ['Endpoint', 'vpce-1'],
      expressions: { name: { 'Fn::Sub': '${AWS::StackName}-API' }, vpcEndpointIds: [{ Ref: 'Endpoint' }, 'vpce-1'] },
    };
    expect(apiValue(api, 'name')).toEqual({ 'Fn::Sub': '${AWS::StackName}-API' });
    expect(apiValue(api, 'vpcEndpointIds')).toEqual([{ Ref: 'Endpoint' }, 'vpce-1']);
    expect(apiValue({ ...api, name: 'Orders' }, 'name')).toBe('Orders');
    expect(apiExpression({ ...api, vpcEndpointIds: ['Endpoint'] }, 'vpcEndpointIds')).toBeUndefined();
    expect(apiExpression({ ...api, expressions: { disableExecuteApiEndpoint: { Ref: 'Off' } } }, 'disableExecuteApiEndpoint')).toEqual({
      Ref: 'Off',
    });
    expect(
      apiExpression(
        { ...api, disableExecuteApiEndpoint: true, expressions: { disableExecuteApiEndpoint: { Ref: 'Off' } } },
        'disableExecuteApiEndpoint',
      ),
    ).toBeUndefined();
  });
});
