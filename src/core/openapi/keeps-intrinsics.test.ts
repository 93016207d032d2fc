// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and Terraform placeholders are the data under test.
import { describe, expect, it } from 'vitest';
import { apiExpression, type Design, type JsonObject, parseDesign, updateApi, valuesOf } from '../model';
import { shortFormIntrinsics } from './cfn-tags';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { parseText } from './parse-text';
import { stringifyDocument } from './stringify';
import type { OpenApiVersion } from './types';

/**
 * Deployed documents carry CloudFormation intrinsics and Terraform/Serverless placeholders where Portico
 * expects plain values. One small document per defect class: each is imported, exported, and what it
 * carried comes back as written.
 */

function imported(text: string): Design {
  const result = importOpenApi(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

function exported(design: Design, version: OpenApiVersion = '3.0'): JsonObject {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** The export's text read back as data (long forms, whatever the text wrote). */
function reread(design: Design, format: 'yaml' | 'json', version: OpenApiVersion = '3.0'): JsonObject {
  const parsed = parseText(stringifyDocument(exported(design, version), format));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value as JsonObject;
}

/** The text with the short forms remembered, as the importer records them from the document's text. */
function importedWithForms(text: string): Design {
  const design = imported(text);
  const parsed = parseText(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { ...design, api: { ...design.api, shortFormIntrinsics: shortFormIntrinsics(text, parsed.value) } };
}

const privateApi = (version: OpenApiVersion) =>
  version === '3.0'
    ? `openapi: 3.0.1
info: {title: Private, version: '1'}
servers:
  - url: /
    x-amazon-apigateway-endpoint-configuration:
      vpcEndpointIds:
        - Ref: ApiVpcEndpoint
        - vpce-0123456789abcdef0
paths: {}
`
    : `swagger: '2.0'
info: {title: Private, version: '1'}
x-amazon-apigateway-endpoint-configuration:
  vpcEndpointIds:
    - Ref: ApiVpcEndpoint
    - vpce-0123456789abcdef0
paths: {}
`;

describe('VPC endpoint ids given as intrinsics', () => {
  it.each(['3.0', '2.0'] as const)('are kept and exported as written (OpenAPI %s)', (version) => {
    const design = imported(privateApi(version));
    expect(design.api.endpointType).toBe('PRIVATE');
    expect(design.api.vpcEndpointIds).toEqual(['ApiVpcEndpoint', 'vpce-0123456789abcdef0']);
    const ids = [{ Ref: 'ApiVpcEndpoint' }, 'vpce-0123456789abcdef0'];
    for (const format of ['yaml', 'json'] as const) {
      const document = reread(design, format, version);
      const configuration =
        version === '3.0'
          ? ((document.servers as JsonObject[])[0] as JsonObject)['x-amazon-apigateway-endpoint-configuration']
          : document['x-amazon-apigateway-endpoint-configuration'];
      expect(configuration, format).toEqual({ vpcEndpointIds: ids });
    }
  });

  it('are written as text once the ids are edited', () => {
    const design = updateApi(imported(privateApi('3.0')), { vpcEndpointIds: ['vpce-1'] });
    expect(apiExpression(design.api, 'vpcEndpointIds')).toBeUndefined();
    const server = (exported(design).servers as JsonObject[])[0] as JsonObject;
    expect(server['x-amazon-apigateway-endpoint-configuration']).toEqual({ vpcEndpointIds: ['vpce-1'] });
  });

  it('as a whole endpoint configuration, or as the default-endpoint flag, are kept too', () => {
    const whole = imported(`openapi: 3.0.1
info: {title: A, version: '1'}
servers:
  - url: /
    x-amazon-apigateway-endpoint-configuration: !If [IsPrivate, {vpcEndpointIds: [!Ref Endpoint]}, !Ref AWS::NoValue]
paths: {}
`);
    expect((exported(whole).servers as JsonObject[])[0]).toEqual({
      url: '/',
      'x-amazon-apigateway-endpoint-configuration': {
        'Fn::If': ['IsPrivate', { vpcEndpointIds: [{ Ref: 'Endpoint' }] }, { Ref: 'AWS::NoValue' }],
      },
    });
    const flag = imported(`swagger: '2.0'
info: {title: A, version: '1'}
x-amazon-apigateway-endpoint-configuration:
  disableExecuteApiEndpoint: !Ref DisableDefaultEndpoint
paths: {}
`);
    expect(flag.api.disableExecuteApiEndpoint).toBe(false);
    expect(exported(flag, '2.0')['x-amazon-apigateway-endpoint-configuration']).toEqual({
      disableExecuteApiEndpoint: { Ref: 'DisableDefaultEndpoint' },
    });
  });
});

const samTitle = `openapi: 3.0.1
info:
  title: !Sub '\${AWS::StackName}-API'
  description: !Ref ApiDescription
  version: '1.0'
paths: {}
x-amazon-apigateway-policy:
  Version: '2012-10-17'
  Statement:
    - Effect: Allow
      Principal: '*'
      Action: execute-api:Invoke
      Resource: execute-api:/*
      Condition:
        StringEquals:
          aws:sourceVpce:
            Fn::GetAtt: [Endpoint, Id]
`;

describe('an info.title written as !Sub', () => {
  it('names the API by its text and says so in a note', () => {
    const result = importOpenApi(samTitle);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.design.api.name).toBe('${AWS::StackName}-API');
    expect(result.design.api.description).toBe('ApiDescription');
    expect(result.notes.some((note) => note.path === 'info.title' && note.message.includes('!Sub ${AWS::StackName}-API'))).toBe(true);
  });

  it('is exported as the expression (JSON: the long form), not as text CloudFormation would no longer substitute', () => {
    const design = imported(samTitle);
    for (const format of ['yaml', 'json'] as const) {
      const info = reread(design, format).info as JsonObject;
      expect(info.title, format).toEqual({ 'Fn::Sub': '${AWS::StackName}-API' });
      expect(info.description, format).toEqual({ Ref: 'ApiDescription' });
    }
    expect(stringifyDocument(exported(design), 'json')).toContain('"title": {\n      "Fn::Sub": "${AWS::StackName}-API"\n    }');
  });

  it('comes back in the form the document wrote each function: short tags as short tags, long forms long', () => {
    const design = importedWithForms(samTitle);
    expect(design.api.shortFormIntrinsics).toEqual(['Fn::Sub', 'Ref']);
    const yaml = stringifyDocument(exported(design), 'yaml');
    expect(yaml).toContain('  title: !Sub ${AWS::StackName}-API\n');
    expect(yaml).toContain('  description: !Ref ApiDescription\n');
    expect(yaml).toContain('          aws:sourceVpce:\n            Fn::GetAtt:\n');
    const again = parseText(yaml);
    expect(again.ok && again.value).toEqual(reread(design, 'json'));
  });

  it('is written as text once the API is renamed (in a form, the library, anywhere)', () => {
    const design = updateApi(imported(samTitle), { name: 'Orders' });
    expect((exported(design).info as JsonObject).title).toBe('Orders');
  });

  it('is kept when a design file holding it is opened again, and a malformed expression is refused', () => {
    const design = importedWithForms(samTitle);
    const opened = parseDesign(JSON.stringify(design));
    expect(opened.ok && opened.design.api.expressions).toEqual(design.api.expressions);
    expect(opened.ok && opened.design.api.shortFormIntrinsics).toEqual(['Fn::Sub', 'Ref']);
    const broken = { ...design, api: { ...design.api, expressions: { name: { 'Fn::Sub': 'a', Ref: 'b' } } } };
    const refused = parseDesign(JSON.stringify(broken));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.path).toBe('/api/expressions/name');
    const unknownTag = { ...design, api: { ...design.api, shortFormIntrinsics: ['Fn::Eval'] } };
    expect(parseDesign(JSON.stringify(unknownTag)).ok).toBe(false);
  });
});

describe('shortFormIntrinsics', () => {
  it('names the functions a YAML document wrote short at least as often as long, and none for JSON', () => {
    const text = `a: !Ref X\nb:\n  Fn::Sub: x\nc: !Sub y\nd:\n  Fn::Sub: z\ne: [!GetAtt R.Arn]\nf:\n  Fn::Join: ['', [!Sub w]]\n`;
    const parsed = parseText(`openapi: 3.0.1\n${text}`);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(shortFormIntrinsics(text, parsed.value)).toEqual(['Fn::GetAtt', 'Fn::Sub', 'Ref']);
    const mostlyLong = `${text}g:\n  Fn::Sub: v\n`;
    const again = parseText(`openapi: 3.0.1\n${mostlyLong}`);
    if (!again.ok) throw new Error(again.error.message);
    expect(shortFormIntrinsics(mostlyLong, again.value)).toEqual(['Fn::GetAtt', 'Ref']);
    expect(shortFormIntrinsics('{"a": {"Ref": "X"}, "b": "!Ref X"}', { a: { Ref: 'X' }, b: '!Ref X' })).toEqual([]);
  });

  it('does not count a tag inside text (a mapping template) that the data has no call for', () => {
    const text = 'a:\n  Fn::Sub: x\nt: |\n  !Sub in a template\n  !Sub again\n';
    expect(shortFormIntrinsics(text, { a: { 'Fn::Sub': 'x' }, t: '!Sub in a template\n!Sub again\n' })).toEqual(['Fn::Sub']);
    expect(shortFormIntrinsics('t: |\n  !Ref only text\n', { t: '!Ref only text\n' })).toEqual([]);
  });
});

const terraformPaths = (type: 'REST' | 'HTTP') => `openapi: 3.0.1
info: {title: Templated, version: '1'}
paths:
  /\${path_key}:
    get:
      responses:
        '200': {description: ok}
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: \${lambda_uri}
        ${type === 'HTTP' ? "payloadFormatVersion: '2.0'" : 'passthroughBehavior: when_no_match'}
  /v\${api_version}/items/{id}:
    post:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
`;

describe('a path made of a template placeholder', () => {
  it.each(['REST', 'HTTP'] as const)('keeps its operations and is exported unchanged (%s)', (type) => {
    const result = importOpenApi(terraformPaths(type));
    if (!result.ok) throw new Error(result.error.message);
    const design = result.design;
    expect(design.api.type).toBe(type);
    const operations = type === 'REST' ? valuesOf(design.methods).length : valuesOf(design.routes).length;
    expect(operations).toBe(2);
    expect(result.notes.some((note) => note.severity === 'info' && note.message.includes('${path_key}'))).toBe(true);
    expect(result.notes.filter((note) => note.severity === 'error')).toEqual([]);
    const paths = exported(design).paths as JsonObject;
    expect(Object.keys(paths)).toEqual(['/${path_key}', '/v${api_version}/items/{id}']);
    const get = (paths['/${path_key}'] as JsonObject).get as JsonObject;
    expect((get['x-amazon-apigateway-integration'] as JsonObject).uri).toBe('${lambda_uri}');
  });

  it('is a resource whose path part is the placeholder, with no path parameter for it', () => {
    const design = imported(terraformPaths('REST'));
    expect(valuesOf(design.resources).map((resource) => resource.pathPart)).toEqual([
      '',
      '${path_key}',
      'v${api_version}',
      'items',
      '{id}',
    ]);
    for (const method of valuesOf(design.methods)) expect(method.parameters.map((parameter) => parameter.name)).not.toContain('path_key');
  });
});

describe('AWS tag values given as intrinsics (HTTP APIs)', () => {
  it('are kept with their tag and exported as written', () => {
    const design = imported(`openapi: 3.0.1
info: {title: Tagged, version: '1'}
tags:
  - name: environment
    x-amazon-apigateway-tag-value: !Ref Environment
  - name: team
    x-amazon-apigateway-tag-value: payments
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://example.com', payloadFormatVersion: '1.0'}
x-amazon-apigateway-importexport-version: '1.0'
`);
    expect(design.api.tags).toEqual({ environment: 'Environment', team: 'payments' });
    expect(exported(design).tags).toEqual([
      { name: 'environment', 'x-amazon-apigateway-tag-value': { Ref: 'Environment' } },
      { name: 'team', 'x-amazon-apigateway-tag-value': 'payments' },
    ]);
    expect(exported(updateApi(design, { tags: { environment: 'prod', team: 'payments' } })).tags).toEqual([
      { name: 'environment', 'x-amazon-apigateway-tag-value': 'prod' },
      { name: 'team', 'x-amazon-apigateway-tag-value': 'payments' },
    ]);
  });
});

describe('root settings and integration fields given as intrinsics', () => {
  it('are kept as written, with a note that says so rather than calling them wrong', () => {
    const result = importOpenApi(`openapi: 3.0.1
info: {title: Settings, version: '1'}
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
        payloadFormatVersion: !Ref PayloadVersion
        timeoutInMillis: !Ref Timeout
x-amazon-apigateway-security-policy: SecurityPolicy_TLS13_1_3_2025_09
x-amazon-apigateway-endpoint-access-mode: !Ref AccessMode
x-amazon-apigateway-cors:
  allowOrigins: [!Sub 'https://\${Domain}']
x-amazon-apigateway-importexport-version: '1.0'
`);
    if (!result.ok) throw new Error(result.error.message);
    const document = exported(result.design);
    expect(document['x-amazon-apigateway-endpoint-access-mode']).toEqual({ Ref: 'AccessMode' });
    expect(document['x-amazon-apigateway-cors']).toEqual({ allowOrigins: [{ 'Fn::Sub': 'https://${Domain}' }] });
    const integration = ((document.paths as JsonObject)['/a'] as JsonObject).get as JsonObject;
    expect(integration['x-amazon-apigateway-integration']).toMatchObject({
      payloadFormatVersion: { Ref: 'PayloadVersion' },
      timeoutInMillis: { Ref: 'Timeout' },
    });
    const corsNote = result.notes.find((note) => note.path === 'x-amazon-apigateway-cors');
    expect(corsNote?.severity).toBe('info');
    expect(corsNote?.message).toContain('CloudFormation expressions');
    expect(result.notes.find((note) => note.path === 'x-amazon-apigateway-endpoint-access-mode')?.severity).toBe('info');
  });
});
