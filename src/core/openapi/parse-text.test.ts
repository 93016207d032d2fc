// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and stage variable placeholders are the data under test.
import { afterEach, describe, expect, it } from 'vitest';
import { isJsonObject } from '../model';
import { maxDocumentSize, parseText } from './parse-text';

/** Bad input (reliability.md §7): each case gives a clear message, quickly, and never throws. */

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function errorOf(text: string) {
  const result = parseText(text);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text.slice(0, 60))}`);
  return result.error;
}

function parsed(text: string) {
  const result = parseText(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('bytes, encoding and size', () => {
  it('refuses an empty or whitespace-only document', () => {
    expect(errorOf('').message).toMatch(/empty/);
    expect(errorOf(' \n\t\r\n ').message).toMatch(/empty/);
  });

  it('reads JSON and YAML that start with a byte order mark', () => {
    expect(parsed('\uFEFF{"openapi": "3.0.1"}').value).toEqual({ openapi: '3.0.1' });
    expect(parsed('\uFEFFopenapi: 3.0.1\n').value).toEqual({ openapi: '3.0.1' });
  });

  it('refuses binary data (NUL bytes, a PNG renamed .yaml) with its position', () => {
    const error = errorOf('openapi: 3.0.1\ninfo:\u0000\u0001');
    expect(error.message).toMatch(/not a text file.*U\+0000/);
    expect(error).toMatchObject({ line: 2, column: 6 });
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(errorOf(png).message).toMatch(/not a text file/);
  });

  it('says to save UTF-16 text as UTF-8', () => {
    const utf16 = Array.from('{"openapi": "3.0.1"}', (char) => `${char}\u0000`).join('');
    expect(errorOf(utf16).message).toMatch(/UTF-16.*save it as UTF-8/);
  });

  it('notes text that lost characters to a wrong encoding (U+FFFD)', () => {
    const result = parsed('{"info": {"title": "caf\uFFFD"}}');
    expect(result.notes[0]?.message).toMatch(/line 1, column 24.*not saved as UTF-8/);
  });

  it('refuses a 20 MB document quickly with the size and the limit', () => {
    const text = `{"openapi": "3.0.1", "x-padding": "${'a'.repeat(20 * 1024 * 1024)}"}`;
    const { result, ms } = timed(() => parseText(text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/too large: 20\.0 MB \(max 10 MB/);
    expect(ms).toBeLessThan(2000);
  });

  it('reads a document just under the limit', () => {
    const text = `{"openapi": "3.0.1", "x-padding": "${'a'.repeat(maxDocumentSize - 100)}"}`;
    expect(parseText(text).ok).toBe(true);
  });

  it('accepts CRLF line ends and refuses tab indentation in YAML with a position', () => {
    expect(parsed('openapi: 3.0.1\r\ninfo:\r\n  title: x\r\n').value).toEqual({ openapi: '3.0.1', info: { title: 'x' } });
    const error = errorOf('openapi: 3.0.1\ninfo:\n\ttitle: x\n');
    expect(error.line).toBe(3);
  });
});

describe('JSON syntax', () => {
  it('reports a truncated document with its line and column', () => {
    const error = errorOf('{\n  "openapi": "3.0.3",\n  "paths": {');
    expect(error.message).toMatch(/ends too early/);
    expect(error).toMatchObject({ line: 3, column: 13 });
  });

  it('refuses trailing commas and comments (as the code view does)', () => {
    expect(errorOf('{"a": [1, 2,]}')).toMatchObject({ message: expect.stringMatching(/ends with a comma/), line: 1, column: 13 });
    expect(errorOf('{"a": 1,}').message).toMatch(/ends with a comma/);
    expect(errorOf('{\n  // comment\n  "a": 1\n}')).toMatchObject({ line: 2, column: 3 });
  });

  // reliability.md §7 J3 lets a duplicate key be refused or warned about; issue 11 settles it: API Gateway
  // deploys such documents, reading the last key, so Portico reads them the same way and warns.
  it('reads a key written twice as API Gateway does, the last one winning, with a warning naming both lines', () => {
    const result = parsed('{\n  "paths": {},\n  "info": {},\n  "paths": {"/a": {}}\n}');
    expect(result.value).toEqual({ paths: { '/a': {} }, info: {} });
    expect(result.notes).toEqual([
      {
        message: 'paths: written twice (lines 2 and 4); the second one is used, as API Gateway does.',
        path: 'paths',
        line: 4,
        severity: 'warning',
        rule: 'import/duplicate-key',
      },
    ]);
  });

  it('names a nested key written twice by its location, also inside lists, and counts three', () => {
    const text =
      '{"paths": {"/a": {"get": {\n"responses": {},\n"responses": {"200": {"description": "ok"}}}}},\n"p": [{}, {"y": 1, "y": 2, "y": 3}]}';
    const result = parsed(text);
    expect(result.value).toEqual({ paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } }, p: [{}, { y: 3 }] });
    expect(result.notes.map((note) => note.message)).toEqual([
      'paths./a.get.responses: written twice (lines 2 and 3); the second one is used, as API Gateway does.',
      'p.1.y: written 3 times (line 4, columns 12, 20 and 28); the last one is used, as API Gateway does.',
    ]);
  });

  it('still refuses a "__proto__" key written twice', () => {
    expect(errorOf('{"a": {"__proto__": 1, "__proto__": 2}}').message).toMatch(/__proto__/);
  });

  it('refuses NaN and Infinity', () => {
    expect(errorOf('{"a": NaN}').message).toMatch(/NaN and Infinity/);
    expect(errorOf('{"a": Infinity}').message).toMatch(/NaN and Infinity/);
  });

  it('warns when an integer is too large to hold exactly', () => {
    const result = parsed('{"a": 12345678901234567890, "b": 1.2345678901234567890, "c": "12345678901234567890"}');
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]?.message).toMatch(/12345678901234567890 is larger.*line 1, column 7/);
  });

  it('refuses nesting 10,000 and 1,000,000 levels deep quickly, without a stack overflow', () => {
    for (const depth of [10_000, 1_000_000]) {
      const { result, ms } = timed(() => parseText(`${'['.repeat(depth)}${']'.repeat(depth)}`));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/nested more than 200 levels/);
      expect(ms).toBeLessThan(2000);
    }
    const broken = parseText(`{"a": ${'['.repeat(500_000)}`);
    expect(broken.ok).toBe(false);
  });

  it('keeps keys named constructor, prototype and toString as data', () => {
    const value = parsed('{"constructor": {"prototype": 1}, "toString": "x", "hasOwnProperty": true}').value;
    expect(isJsonObject(value) && Object.keys(value)).toEqual(['constructor', 'toString', 'hasOwnProperty']);
    expect(JSON.stringify(value)).toBe('{"constructor":{"prototype":1},"toString":"x","hasOwnProperty":true}');
  });

  it('refuses a __proto__ key anywhere, with its position, and leaves Object.prototype alone', () => {
    expect(errorOf('{"__proto__": {"polluted": 1}}')).toMatchObject({ message: expect.stringMatching(/__proto__/), line: 1, column: 2 });
    expect(errorOf('{"paths": {"/a": {"get": {"__proto__": {"polluted": 1}}}}}').message).toMatch(/__proto__/);
    expect(errorOf('{"a": {"\\u005f_proto__": 1}}').message).toMatch(/__proto__/);
  });
});

describe('YAML', () => {
  it('refuses a billion-laughs alias bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let index = 1; index < names.length; index += 1)
      lines.push(
        `${names[index]}: &${names[index]} [${Array(9)
          .fill(`*${names[index - 1]}`)
          .join(',')}]`,
      );
    const { result, ms } = timed(() => parseText(lines.join('\n')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/alias bomb/);
    expect(ms).toBeLessThan(1000);
  });

  it('reads legitimate reuse of anchors (150 aliases)', () => {
    const text = ['base: &base {type: string}', ...Array.from({ length: 150 }, (_, index) => `p${index}: *base`)].join('\n');
    const result = parsed(text);
    expect(isJsonObject(result.value) && result.value.p149).toEqual({ type: 'string' });
  });

  it('refuses a recursive alias instead of hanging', () => {
    const { result, ms } = timed(() => parseText('a: &a {self: *a}\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/refers to itself/);
    expect(ms).toBeLessThan(1000);
  });

  it('merges << keys', () => {
    expect(parsed('base: &b {a: 1}\nc:\n  <<: *b\n  d: 2\n').value).toEqual({ base: { a: 1 }, c: { a: 1, d: 2 } });
  });

  it('refuses a __proto__ key, also one brought in by a merge', () => {
    expect(errorOf('a:\n  __proto__:\n    polluted: 1\n')).toMatchObject({ message: expect.stringMatching(/__proto__/), line: 2 });
    expect(errorOf('base: &b\n  __proto__: {polluted: 1}\nc:\n  <<: *b\n').message).toMatch(/__proto__/);
  });

  it('refuses a stream of several documents', () => {
    expect(errorOf('openapi: 3.0.1\n---\nopenapi: 3.0.2\n')).toMatchObject({
      message: expect.stringMatching(/more than one YAML document/),
      line: 2,
    });
  });

  // Issue 11 supersedes reliability.md's DUPLICATE_KEY error (§2.2): the last key wins, as in API Gateway, with a warning.
  it('reads a key written twice as API Gateway does, the last one winning, with a warning naming both lines', () => {
    const result = parsed(
      'openapi: 3.0.1\npaths: {}\ninfo: {title: x}\npaths:\n  /a:\n    get:\n      responses: {}\n      responses:\n        "200": {description: ok}\n',
    );
    expect(result.value).toEqual({
      openapi: '3.0.1',
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
      info: { title: 'x' },
    });
    expect(result.notes).toEqual([
      expect.objectContaining({
        message: 'paths: written twice (lines 2 and 4); the second one is used, as API Gateway does.',
        path: 'paths',
        line: 4,
      }),
      expect.objectContaining({
        message: 'paths./a.get.responses: written twice (lines 7 and 8); the second one is used, as API Gateway does.',
        rule: 'import/duplicate-key',
      }),
    ]);
  });

  it('does not count keys next to a merge (<<) as written twice, and still refuses "__proto__" written twice', () => {
    expect(parsed('base: &b {a: 1}\nc:\n  <<: *b\n  a: 2\n').notes).toEqual([]);
    expect(errorOf('a:\n  __proto__: 1\n  __proto__: 2\n').message).toMatch(/__proto__/);
  });

  it('refuses null keys with their line, and reads quoted ones as text', () => {
    expect(errorOf('openapi: 3.0.1\npaths:\n  ~: {}\n')).toMatchObject({
      message: expect.stringMatching(/key is null/),
      line: 3,
      column: 3,
    });
    expect(errorOf('a:\n  null: x\n').message).toMatch(/quote it/);
    expect(errorOf('a:\n  : x\n').line).toBe(2);
    expect(parsed('a:\n  "null": x\n  \'~\': y\n').value).toEqual({ a: { null: 'x', '~': 'y' } });
  });

  it('refuses mapping keys that are lists or mappings; reads numbers as text keys', () => {
    expect(errorOf('? [a, b]\n: c\n').message).toMatch(/keys must be text/);
    expect(parsed('responses:\n  200: {description: ok}\n').value).toEqual({ responses: { '200': { description: 'ok' } } });
  });

  it('keeps unknown and executable tags as plain text, with a note (nothing is executed)', () => {
    const result = parsed('a: !!js/function "function () {}"\nb: !!binary aGVsbG8=\nc: !!timestamp 2001-12-14\n');
    expect(result.value).toEqual({ a: 'function () {}', b: 'aGVsbG8=', c: '2001-12-14' });
    expect(result.notes.map((note) => note.message).join('\n')).toMatch(/js\/function.*ignored/);
  });

  it('reads YAML 1.2 scalars as YAML 1.2 says', () => {
    expect(parsed('on: yes\ncountry: NO\nversion: 1.10\noctal: 010\ntime: 12:30\nflag: True\n').value).toEqual({
      on: 'yes',
      country: 'NO',
      version: 1.1,
      octal: 10,
      time: '12:30',
      flag: true,
    });
  });

  it('reads CloudFormation short tags as their long form', () => {
    const text = [
      'a: !Ref Stage',
      'b: !Sub "arn:${AWS::Region}"',
      'c: !GetAtt Role.Arn',
      'd: !Join [":", [x, !Ref Y]]',
      'e: !Sub',
      '  - "${A}-x"',
      '  - A: !GetAtt [Fn, Arn]',
      'f: !If [IsProd, 1, !Ref AWS::NoValue]',
    ].join('\n');
    expect(parsed(text).value).toEqual({
      a: { Ref: 'Stage' },
      b: { 'Fn::Sub': 'arn:${AWS::Region}' },
      c: { 'Fn::GetAtt': ['Role', 'Arn'] },
      d: { 'Fn::Join': [':', ['x', { Ref: 'Y' }]] },
      e: { 'Fn::Sub': ['${A}-x', { A: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] },
      f: { 'Fn::If': ['IsProd', 1, { Ref: 'AWS::NoValue' }] },
    });
  });

  it('refuses flow nesting a million levels deep quickly', () => {
    const { result, ms } = timed(() => parseText(`a: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/nested more than/);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses block nesting thousands of levels deep', () => {
    const text = Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
    const { result, ms } = timed(() => parseText(text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/nested/);
    expect(ms).toBeLessThan(5000);
  });

  it('reports a syntax error with its line and column', () => {
    const error = errorOf('openapi: 3.0.1\ninfo:\n  title: "unterminated\n');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message.length).toBeGreaterThan(5);
  });
});
