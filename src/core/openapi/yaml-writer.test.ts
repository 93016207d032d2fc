// biome-ignore-all lint/suspicious/noTemplateCurlyInString: stage variable and CloudFormation placeholders are the data under test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { intrinsicFunctionNames, intrinsicKey, type JsonObject, type JsonValue } from '../model';
import { markShortForms } from './cfn-tags';
import { parseText } from './parse-text';
import { writeYaml } from './yaml-writer';

/** The data as three readers read the text back: `yaml` in YAML 1.2 and 1.1 mode, and js-yaml. */
function readBack(text: string): JsonValue[] {
  return [
    parse(text, { version: '1.2', uniqueKeys: true }) as JsonValue,
    parse(text, { version: '1.1', uniqueKeys: true }) as JsonValue,
    load(text) as JsonValue,
  ];
}

function expectRoundTrip(value: JsonValue): void {
  const text = writeYaml(value);
  for (const read of readBack(text)) expect(read).toEqual(value);
}

/** Strings that mean something else to some YAML reader, or that a writer can get wrong. */
const tricky = [
  '',
  ' ',
  ' leading',
  'trailing ',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'N',
  '~',
  'null',
  'Null',
  'true',
  'False',
  '.inf',
  '-.Inf',
  '.NaN',
  '0',
  '-1',
  '+1',
  '1.10',
  '0o17',
  '017',
  '0x1F',
  '0b101',
  '1_000',
  '12:30',
  '190:20:30.15',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '1e3',
  '<<',
  '=',
  '- item',
  '-',
  '?',
  '? key',
  ':',
  'key:',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#comment',
  '&anchor',
  '*alias',
  '!tag',
  '!Ref Bucket',
  '|',
  '>',
  "'quoted'",
  '"quoted"',
  '%YAML',
  '@at',
  '`tick`',
  '{a: 1}',
  '[1, 2]',
  'a, b',
  '---',
  '...',
  'tab\there',
  '\ttab first',
  'nul\u0000',
  'bell\u0007',
  'del\u007f',
  'nel\u0085line',
  'ls\u2028ps\u2029',
  'bom\ufeff',
  'café ☕ 🦜',
  'lone \ud800 surrogate',
  '\\ back\\slash',
  '${stageVariables.fn}',
  'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123:function:f/invocations',
  '#set($inputRoot = $input.path(\'$\'))\n{\n  "id": "$inputRoot.id"\n}\n',
  'one\ntwo',
  'one\ntwo\n',
  'one\ntwo\n\n',
  'one\ntwo\n\n\n',
  '\n',
  '\n\n',
  '\nleading line feed',
  '  indented first\nsecond',
  '\n  indented after an empty line',
  'spaces only line\n   \nend',
  'crlf\r\nline',
  'tab\n\tstarts a line',
  'ends with spaces  \nline',
  '---\n...\n# not a comment\n- not an item',
  'x'.repeat(1100),
];

describe('writeYaml', () => {
  it('writes strings every reader reads back as the same strings, as values, keys and list items', () => {
    for (const text of tricky) {
      expectRoundTrip({ value: text });
      expectRoundTrip({ [text]: 'key' });
      expectRoundTrip({ list: [text, { nested: text }] });
      expectRoundTrip([[text]]);
    }
  });

  it('writes numbers, booleans, null and empty collections as what they are', () => {
    expectRoundTrip({ a: 0, c: 1.5, d: -2e-7, e: 1e21, f: 123456789012, g: true, h: false, i: null, j: {}, k: [], l: [[], {}] });
    expect(writeYaml({ a: 1e21, b: -0 })).toBe('a: 1.0e+21\nb: 0\n');
  });

  it('writes plain text where it can, and the layout people expect', () => {
    const text = writeYaml({
      openapi: '3.0.1',
      paths: { '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path' }], responses: { '200': { description: 'OK' } } } } },
      'x-amazon-apigateway-integration': { uri: { 'Fn::Sub': 'arn:${AWS::Partition}:x' }, template: 'a\nb\n' },
      tags: [],
    });
    expect(text).toBe(
      [
        'openapi: "3.0.1"',
        'paths:',
        '  /pets/{id}:',
        '    get:',
        '      parameters:',
        '        - name: id',
        '          in: path',
        '      responses:',
        '        "200":',
        '          description: OK',
        'x-amazon-apigateway-integration:',
        '  uri:',
        '    Fn::Sub: arn:${AWS::Partition}:x',
        '  template: |',
        '    a',
        '    b',
        'tags: []',
        '',
      ].join('\n'),
    );
  });

  it('writes multi-line strings as literal blocks with the right chomping and indentation', () => {
    expect(writeYaml({ t: 'a\nb' })).toBe('t: |-\n  a\n  b\n');
    expect(writeYaml({ t: 'a\n\n' })).toBe('t: |+\n  a\n\n');
    expect(writeYaml({ t: ' a\nb\n' })).toBe('t: |2\n   a\n  b\n');
    expect(writeYaml({ l: ['a\nb\n'] })).toBe('l:\n  - |\n    a\n    b\n');
    // Where a block cannot hold the text exactly, one double-quoted line does.
    expect(writeYaml({ t: 'a\r\nb' })).toBe('t: "a\\r\\nb"\n');
  });

  it('round-trips any JSON data through every reader', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...tricky), fc.stringMatching(/^[ -~\n\t]{0,12}$/));
    const value = fc.letrec<{ value: JsonValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(value, (data) => {
        // JSON data: -0 is 0 in JSON, and YAML readers read it as 0 too.
        const json = JSON.parse(JSON.stringify(data)) as JsonValue;
        expectRoundTrip(json);
      }),
      { numRuns: 400 },
    );
  });

  it("reads back as the same data through Portico's own importer parser, for every corpus document", () => {
    const folder = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world');
    const files = readdirSync(folder).filter((name) => /\.(json|ya?ml)$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const parsed = parseText(readFileSync(join(folder, name), 'utf8'));
      if (!parsed.ok) continue;
      const text = writeYaml(parsed.value);
      const again = parseText(text);
      expect(again.ok && again.value, name).toEqual(parsed.value);
      expect(parse(text, { version: '1.1' }), name).toEqual(parsed.value);
    }
  });
});

/** Every function written short: what a SAM template's author writes. */
const allFunctions = intrinsicFunctionNames.map(intrinsicKey);

/** The data as Portico's importer reads the text back (short tags become long forms). */
function importedBack(text: string): JsonValue {
  const parsed = parseText(`openapi: 3.0.1\n${text}`);
  if (!parsed.ok) throw new Error(`${parsed.error.message}\n${text}`);
  const { openapi: _version, ...rest } = parsed.value as JsonObject;
  return rest;
}

describe('writeYaml with short forms', () => {
  it('writes a marked intrinsic with its short tag, on one line or over the lines of its argument', () => {
    const data: JsonObject = {
      title: { 'Fn::Sub': '${AWS::StackName}-API' },
      ids: [{ Ref: 'Endpoint' }, 'vpce-1'],
      role: { 'Fn::GetAtt': ['Role', 'Arn'] },
      uri: { 'Fn::Join': ['', ['https://', { Ref: 'Host' }]] },
      template: { 'Fn::Sub': 'line 1\nline 2\n' },
      nested: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
      dotted: { 'Fn::GetAtt': ['A.B', 'C'] },
    };
    markShortForms(data, allFunctions);
    expect(writeYaml(data)).toBe(
      [
        'title: !Sub ${AWS::StackName}-API',
        'ids:',
        '  - !Ref Endpoint',
        '  - vpce-1',
        'role: !GetAtt Role.Arn',
        'uri: !Join',
        '  - ""',
        '  - - https://',
        '    - !Ref Host',
        'template: !Sub |',
        '  line 1',
        '  line 2',
        // One tag per node: the outer function stays long around a short one.
        'nested:',
        '  Fn::Base64: !Sub x',
        // `!GetAtt A.B.C` would read as ["A", "B.C"].
        'dotted: !GetAtt',
        '  - A.B',
        '  - C',
        '',
      ].join('\n'),
    );
    expect(importedBack(writeYaml(data))).toEqual(data);
  });

  it('writes unmarked intrinsics, and functions not asked for, in their long form', () => {
    const data: JsonObject = { a: { Ref: 'X' }, b: { 'Fn::Sub': 'z' } };
    markShortForms(data, ['Ref']);
    expect(writeYaml(data)).toBe('a: !Ref X\nb:\n  Fn::Sub: z\n');
    expect(writeYaml({ a: { Ref: 'X' } })).toBe('a:\n  Ref: X\n');
  });

  it('reads back as the same data for any intrinsics in any JSON data, all written short', () => {
    const text = fc.oneof(fc.constantFrom(...tricky), fc.stringMatching(/^[ -~\n]{0,12}$/));
    // The importer refuses a "__proto__" key (see parse-text.test.ts): as a key it is not JSON data it reads back.
    const key = text.filter((name) => name !== '__proto__');
    const value = fc.letrec<{ value: JsonValue; intrinsic: JsonObject }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('intrinsic'),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 3 }),
      ),
      intrinsic: fc.tuple(fc.constantFrom(...allFunctions), tie('value')).map(([key, argument]) => ({ [key]: argument }) as JsonObject),
    })).value;
    fc.assert(
      fc.property(
        fc.dictionary(
          key.filter((name) => name !== 'openapi'),
          value,
          { minKeys: 1, maxKeys: 4 },
        ),
        (data) => {
          markShortForms(data, allFunctions);
          expect(importedBack(writeYaml(data))).toEqual(data);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads back as the same data for every corpus document, every intrinsic written short', () => {
    const folder = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world');
    for (const name of readdirSync(folder).filter((file) => /\.(json|ya?ml)$/.test(file))) {
      const parsed = parseText(readFileSync(join(folder, name), 'utf8'));
      if (!parsed.ok) continue;
      markShortForms(parsed.value, allFunctions);
      const again = parseText(writeYaml(parsed.value));
      expect(again.ok && again.value, name).toEqual(parsed.value);
    }
  });
});
