// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and stage variable placeholders are the data under test.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseText } from './parse-text';
import { stringifyDocument } from './stringify';

describe('stringifyDocument', () => {
  const template = '#set($inputRoot = $input.path(\'$\'))\n{\n  "id": "$inputRoot.id"\n}\n';
  const document = {
    openapi: '3.0.1',
    info: { title: 'yes', version: '1.10' },
    paths: {
      '/a': {
        get: {
          responses: { '200': { description: 'on' } },
          'x-amazon-apigateway-integration': {
            type: 'aws',
            uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem' },
            requestTemplates: { 'application/json': template },
          },
        },
      },
    },
    'x-values': ['NO', '0o17', '017', '12:30', '2001-12-14', '~', '.inf', 'null', ''],
  };

  it('writes mapping templates as literal block scalars', () => {
    const yaml = stringifyDocument(document, 'yaml');
    expect(yaml).toMatch(/application\/json: \|\n +#set\(\$inputRoot = \$input\.path\('\$'\)\)\n +\{\n +"id": "\$inputRoot\.id"\n +\}\n/);
  });

  it('quotes strings that YAML 1.1 or 1.2 readers would take for something else, so both read them back', () => {
    const yaml = stringifyDocument(document, 'yaml');
    expect(parse(yaml)).toEqual(document);
    expect(parse(yaml, { version: '1.1' })).toEqual(document);
  });

  it('writes CloudFormation expressions in their long form, which reads back the same', () => {
    const yaml = stringifyDocument(document, 'yaml');
    expect(yaml).toContain('Fn::Sub: arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem');
    const again = parseText(yaml);
    expect(again.ok && again.value).toEqual(document);
  });

  it("writes JSON with two-space indentation and a final newline, keys in the document's order", () => {
    const json = stringifyDocument(document, 'json');
    expect(json.startsWith('{\n  "openapi": "3.0.1",\n  "info"')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(document);
  });
});
