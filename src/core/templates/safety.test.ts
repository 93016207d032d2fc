import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMappingTemplate } from './render-template';
import { parseSampleRequest } from './sample-request';

/**
 * Templates are untrusted (they come with imported and shared designs): nothing but the template may run.
 * These try to reach JavaScript through the template's values, velocityjs's helpers and its macro table,
 * and to pollute prototypes; each must render nothing harmful and leave the built-in prototypes as they were.
 */
function render(template: string, body: string | null = null) {
  const parsed = parseSampleRequest({ body, headers: { h: 'v' } });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return renderMappingTemplate({ template, request: parsed.request });
}

const prototypes = [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype, Function.prototype];
let before: string[][] = [];
beforeEach(() => {
  before = prototypes.map((prototype) => Object.getOwnPropertyNames(prototype).sort());
});
afterEach(() => {
  expect(prototypes.map((prototype) => Object.getOwnPropertyNames(prototype).sort())).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('nothing but the template executes', () => {
  it.each([
    '$input.getClass()',
    "$input.getClass().forName('java.lang.Runtime')",
    '$input.class',
    '$util.getClass()',
    '$context.getClass()',
    '$input.constructor',
    '$input.params().constructor',
    '$input.__proto__',
    "$input['constructor']",
    '#set($s = "x")$s.constructor',
    '#set($s = "x")$s.getConstructor()',
    '#set($s = "x")$s.constructor.constructor',
    '#set($l = [1])$l.constructor',
    '#set($m = {})$m.constructor',
    '$foo.constructor',
    '$process',
    '$globalThis',
    '$require',
    '$window',
    '$this',
  ])('%s renders nothing', (template) => {
    const result = render(template);
    expect(result).toMatchObject({ ok: true, output: '' });
  });

  it('JavaScript methods and properties of values are not reachable', () => {
    const result = render(
      '#set($s = "abc")[$s.anchor][$s.valueOf()][$s.repeat(100000000)][$s.at(0)][$s.codePointAt(0)]#set($l = [3,1])[$l.map][$l.sort()][$l.join("-")]',
    );
    expect(result).toMatchObject({ ok: true, output: '[][][][][][][][]' });
    if (!result.ok) return;
    expect(result.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('a string has no method repeat()'),
        expect.stringContaining('a list has no method sort()'),
      ]),
    );
  });

  it('velocityjs never writes its eval helper onto a value, so $input.eval(...) does not evaluate', () => {
    expect(render("$input.params().size() $input.eval('#set($a = 1)') [$a]")).toMatchObject({ ok: true, output: '3  []' });
    expect(render('[#eval("#set($b = 2)")][$b]')).toMatchObject({ ok: true, output: '[][]' });
    expect(render('#set($m = {})$m.size()$m.keySet()')).toMatchObject({ ok: true, output: '0[]' });
  });

  it('the macro tables have no prototype: #constructor, #toString, #valueOf, #hasOwnProperty call nothing', () => {
    const result = render('#set($s = "x")[$constructor][#constructor("x")][#toString()][#valueOf()][#hasOwnProperty("stop")][#x()]');
    expect(result).toMatchObject({ ok: true, output: '[][][][][][]' });
    // Names starting with "_" are not directives in Velocity: they stay text.
    expect(render('#__defineGetter__("x", $s)')).toMatchObject({ ok: true, output: '#__defineGetter__("x", )' });
  });
});

describe('no prototype pollution', () => {
  it.each([
    '#set($m = {})#set($m.__proto__.polluted = 1)',
    '#set($m = {})#set($m["__proto__"]["polluted"] = 1)',
    '#set($m = {})#set($m.constructor.prototype.polluted = 1)',
    '#set($m = {})$m.put("__proto__", {"polluted": 1})$m.__proto__.polluted',
    '$input.params().header.put("__proto__", {"polluted": 1})',
    '#set($l = [])#set($l.__proto__.polluted = 1)',
    '#set($s = "x")#set($s.__proto__.polluted = 1)',
    '#set($context.__proto__.polluted = 1)',
    '#set($__proto__ = {"polluted": 1})',
    '#set($input.path("$").__proto__.polluted = 1)',
  ])('%s leaves prototypes alone', (template) => {
    const result = render(template, '{"__proto__": {"polluted": 1}, "a": 1}');
    expect(result.ok).toBe(true);
  });

  it('a body key named __proto__ is plain data', () => {
    const result = render("$input.json('$')|$input.path('$').keySet()|$input.path('$').get('__proto__')", '{"__proto__": {"polluted": 1}}');
    expect(result).toMatchObject({ ok: true, output: '{"__proto__":{"polluted":1}}|[__proto__]|{polluted=1}' });
  });
});

describe('bounded', () => {
  it('a body nested deeper than 1,000 levels is an error, not a crash', () => {
    const body = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const result = render("$input.json('$')", body);
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringContaining('deeper than 1000') } });
  });

  it('a regular expression with nested repetition is refused before it runs', () => {
    const started = Date.now();
    const result = render('#set($s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")$s.matches("(a+)+$")');
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringContaining('nested repetition') } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a value that contains itself prints as Java does and has no JSON form', () => {
    expect(render('#set($m = {})$m.put("self", $m)$m')).toMatchObject({ ok: true, output: '{self=(this Map)}' });
    const body = render('#set($b = $input.path("$"))$b.put("self", $b)$input.json("$")', '{"a": 1}');
    expect(body).toMatchObject({ ok: false, error: { message: expect.stringContaining('contains itself') } });
  });
});

describe('never throws', () => {
  const pieces = [
    '#if(',
    '#if($a)',
    '#elseif($b)',
    '#else',
    '#end',
    '#foreach($i in $input.path("$.list"))',
    '#foreach($i in [1..3])',
    '#set($a = ',
    '#set($m = {"k": [1, 2]})',
    ')',
    '(',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '$',
    '$!',
    '${',
    '$a',
    '$m.k[0]',
    "$input.json('$.a')",
    '$input.path("$..b")',
    "$input.params('x')",
    '$util.escapeJavaScript($a)',
    '$util.parseJson($input.body)',
    '$util.base64Decode("%%")',
    '$context.requestOverride.header',
    '#set($context.responseOverride.status = $a)',
    '.',
    '..',
    ',',
    '==',
    '&&',
    '!',
    '+',
    '/',
    '##',
    '#*',
    '*#',
    '#[[',
    ']]#',
    '\\',
    '\n',
    ' ',
    'text',
    '#macro(m $x)',
    '#m(1)',
    '#break',
    '#stop',
    '#define($d)',
    '$d',
  ];

  it('renders or explains any arrangement of VTL pieces, without throwing, within the time limit', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.string({ maxLength: 30 }), (parts, noise) => {
        const template = parts.join('') + noise;
        const parsed = parseSampleRequest({ body: '{"a": "x", "list": [1, 2], "b": {"b": 3}}', queryStringParameters: { x: '1' } });
        if (!parsed.ok) throw new Error(parsed.error.message);
        const started = Date.now();
        const result = renderMappingTemplate({ template, request: parsed.request, limits: { timeLimitMs: 500 } });
        expect(Date.now() - started).toBeLessThan(3000);
        if (!result.ok) {
          expect(result.error.line).toBeGreaterThanOrEqual(1);
          expect(result.error.message).not.toContain('\n');
          expect(result.error.message).not.toMatch(/Portico could not render/);
        }
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
