import { describe, expect, it } from 'vitest';
import { checkMappingTemplate, type RenderTemplateOptions, renderMappingTemplate } from './render-template';
import { parseSampleRequest } from './sample-request';

function request(sample: unknown = {}) {
  const parsed = parseSampleRequest(sample);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.request;
}

function render(template: string, sample: unknown = {}, options: Partial<RenderTemplateOptions> = {}) {
  return renderMappingTemplate({ template, request: request(sample), ...options });
}

function output(template: string, sample: unknown = {}, options: Partial<RenderTemplateOptions> = {}): string {
  const result = render(template, sample, options);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column}: ${result.error.message}`);
  return result.output;
}

function failure(template: string, sample: unknown = {}, options: Partial<RenderTemplateOptions> = {}) {
  const result = render(template, sample, options);
  if (result.ok) throw new Error(`rendered: ${result.output}`);
  return result.error;
}

describe('$input', () => {
  it('$input.params(name) searches path, then query string, then header', () => {
    const sample = {
      pathParameters: { id: 'from-path' },
      queryStringParameters: { id: 'from-query', q: 'query' },
      headers: { id: 'from-header', q: 'h', h: 'header' },
    };
    expect(output("$input.params('id')|$input.params('q')|$input.params('h')", sample)).toBe('from-path|query|header');
  });

  it('a missing parameter is an empty string, which is not null: #if on it is true, as in Velocity 1.7', () => {
    expect(output("[$input.params('limit')]#if($input.params('limit'))set#end#if($input.params('limit').length() == 0) empty#end")).toBe(
      '[]set empty',
    );
  });

  it('matches header names regardless of case, but $input.params().header keeps them as sent', () => {
    const sample = { headers: { 'Content-Type': 'application/json' } };
    expect(
      output("$input.params('content-type')|$input.params().header.get('content-type')|$input.params().header.get('Content-Type')", sample),
    ).toBe('application/json||application/json');
  });

  it('$input.params() and its parts render as Java maps', () => {
    const sample = { pathParameters: { id: '7' }, queryStringParameters: { a: '1', b: '2' } };
    expect(output('$input.params()|$input.params().querystring', sample)).toBe(
      '{path={id=7}, querystring={a=1, b=2}, header={}}|{a=1, b=2}',
    );
  });

  it('an empty or missing body reads as {} in $input.body, $input.json and $input.path', () => {
    for (const body of [null, '']) expect(output("$input.body|$input.json('$')|$input.path('$').size()", { body })).toBe('{}|{}|0');
  });

  it('$input.json returns JSON text: a string keeps its quotes, numbers and objects are compact', () => {
    const sample = { body: '{ "name": "Rex", "age": 3, "tags": [ "a", "b" ], "owner": { "id": 1 } }' };
    expect(output("$input.json('$.name')|$input.json('$.age')|$input.json('$.tags')|$input.json('$.owner')", sample)).toBe(
      '"Rex"|3|["a","b"]|{"id":1}',
    );
  });

  it('$input.path returns values: a string unquoted, a map as {k=v}, a JSON list as JSON', () => {
    const sample = { body: '{"a": 1, "b": [{"c": 5}], "s": "text", "m": {"x": {"y": true}}}' };
    expect(output("$input.path('$.s')|$input.path('$')|$input.path('$.b')|$input.path('$.m')", sample)).toBe(
      'text|{a=1, b=[{"c":5}], s=text, m={x={y=true}}}|[{"c":5}]|{x={y=true}}',
    );
  });

  it('a path that finds nothing renders as nothing, in both $input.json and $input.path', () => {
    expect(output("[$input.json('$.missing')][$input.path('$.a.b.c')][$input.path('$.list[9]')]", { body: '{"list": [1]}' })).toBe(
      '[][][]',
    );
  });

  it('changes made through $input.path show in a later $input.json (one parsed document)', () => {
    const template = `#set($body = $input.path('$'))
#set($body.url = "https://example.com/thing/$body.id")
$input.json('$')`;
    expect(JSON.parse(output(template, { body: '{"id": 7}' }))).toEqual({ id: 7, url: 'https://example.com/thing/7' });
  });

  it('$input.body is the raw payload, even when it is not JSON; reading it as JSON is an error with the line', () => {
    expect(output('$input.body', { body: 'a=1&b=2' })).toBe('a=1&b=2');
    const error = failure("line one\n  $input.json('$.a')", { body: 'a=1&b=2' });
    expect(error).toMatchObject({ kind: 'runtime', line: 2, column: 3 });
    expect(error.message).toContain("$input.json('$.a') cannot read the body: it is not JSON");
  });

  it('an unsupported JSONPath is a runtime error that says why', () => {
    expect(failure("$input.json('$.items[?(@.price < 10)]')", { body: '{}' }).message).toContain('filters');
  });

  it('the response phase reads the backend body while $input.params() still reads the method request', () => {
    const sample = { pathParameters: { petId: '7' }, body: '{"name": "Rex"}' };
    expect(output("$input.params('petId') $input.path('$.name')", sample, { phase: 'response' })).toBe('7 Rex');
  });
});

describe('Velocity 1.7 semantics where velocityjs differs', () => {
  it('missing and null values render as nothing (velocityjs writes the reference or "null")', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL's ${...} reference syntax, not a JavaScript template
    expect(output('[$nothing][$!nothing][${nothing}][$input.path("$.n")][$context.nope.deeper]', { body: '{"n": null}' })).toBe(
      '[][][][][]',
    );
  });

  it('#if treats "" and 0 as true and only null and false as false', () => {
    expect(output('#if("")a#end#if(0)b#end#if($nothing)c#end#if(false)d#end#if(!$nothing)e#end#if($nothing || 0)f#end')).toBe('abef');
  });

  it('integer arithmetic stays integral; division by zero is null', () => {
    expect(output('#set($a = 7 / 2)#set($b = 7.0 / 2)#set($c = 7 % 3)#set($d = 1 / 0)$a $b $c [$d]')).toBe('3 3.5 1 []');
  });

  it('== compares numbers by value and other kinds by their text', () => {
    expect(output('#if(200 == 200.0)a#end#if("200" == 200)b#end#if($nothing == $alsoNothing)c#end#if("x" != $nothing)d#end', {})).toBe(
      'abcd',
    );
  });

  it('List.add returns true (and renders it), Map.put the previous value', () => {
    expect(output('#set($l = [])$l.add("x") $l.add("y") $l #set($m = {})[$m.put("k", 1)][$m.put("k", 2)] $m')).toBe(
      'true true [x, y] [][1] {k=2}',
    );
  });

  it('Java String methods: length(), substring, replaceAll with a regex, split dropping trailing empties, matches', () => {
    const template =
      '#set($s = "a-b--c,,")$s.length()|$s.substring(2, 3)|$s.replaceAll("-+", "_")|$s.split(",").size()|$s.matches("[a-c,-]+")|$s.indexOf("b")|$s.toUpperCase()';
    expect(output(template)).toBe('8|b|a_b_c,,|1|true|2|A-B--C,,');
  });

  it('an index outside a string or list is an error at its line, as Java throws there', () => {
    expect(failure('#set($s = "abc")\n\n#set($x = $s.substring(5))')).toMatchObject({
      kind: 'runtime',
      line: 3,
      message: expect.stringContaining('outside the string'),
    });
    expect(failure('#set($l = [1])$l.get(3)').message).toContain('get(3) is outside the list (length 1)');
  });

  it('a method no value has renders as nothing and is reported as a warning with its line', () => {
    const result = render('ok\n$input.params().header.lenght()');
    expect(result).toMatchObject({ ok: true, output: 'ok\n' });
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('a map has no method lenght()') }),
    ]);
  });

  it('keySet, entrySet and values iterate in insertion order', () => {
    const template = '#set($m = $input.path("$"))#foreach($e in $m.entrySet())$e.key=$e.value;#end $m.keySet() $m.values()';
    expect(output(template, { body: '{"b": 1, "a": 2}' })).toBe('b=1;a=2; [b, a] [1, 2]');
  });

  it('hyphenated names work, as in #set($context.responseOverride.header.Content-Type = ...)', () => {
    const result = render("#set($context.responseOverride.header.Content-Type = 'text/plain')", {}, { phase: 'response' });
    expect(result.ok && result.overrides.responseOverride.header).toEqual({ 'Content-Type': 'text/plain' });
  });
});

describe('overrides', () => {
  it('collects request and response overrides, with a status from a number or numeric text', () => {
    const result = render(
      `#set($context.requestOverride.querystring.page = "2")
#set($context.requestOverride.path.id = $input.params('id'))
$context.requestOverride.header.put("X-Trace", "t-1")`,
      { pathParameters: { id: '42' } },
    );
    expect(result.ok && result.overrides).toEqual({
      requestOverride: { header: { 'X-Trace': 't-1' }, querystring: { page: '2' }, path: { id: '42' } },
      responseOverride: { status: null, header: {} },
    });
    const status = render('#set($context.responseOverride.status = "404")', {}, { phase: 'response' });
    expect(status.ok && status.overrides.responseOverride.status).toBe(404);
  });

  it('warns when an override is set twice (API Gateway answers 5XX) and when the phase ignores it', () => {
    const twice = render(
      '#set($context.responseOverride.status = 400)\n#set($context.responseOverride.status = 500)',
      {},
      { phase: 'response' },
    );
    expect(twice.warnings).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('set more than once') })]);
    const wrongPhase = render('#set($context.responseOverride.status = 400)', {}, { phase: 'request' });
    expect(wrongPhase.warnings[0]?.message).toContain('only in an integration response template');
  });

  it('a status that is not an HTTP status code is null, with a warning at the line that set it', () => {
    const result = render('\n#set($context.responseOverride.status = "teapot")', {}, { phase: 'response' });
    expect(result.ok && result.overrides.responseOverride.status).toBeNull();
    expect(result.warnings).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('not an HTTP status code') })]);
  });

  it('a request template rendered first passes only its overrides to the template', () => {
    const requestTemplate = `#set($context.responseOverride.status = 201)
#set($context.requestOverride.header.X-From = "mock")
{"statusCode": 200}`;
    const result = render(
      '#set($context.responseOverride.header.Location = "/pets/$input.params(\'id\')")$context.responseOverride.status',
      { pathParameters: { id: '9' } },
      {
        phase: 'response',
        requestTemplate,
      },
    );
    expect(result).toMatchObject({ ok: true, output: '201' });
    expect(result.ok && result.overrides).toEqual({
      requestOverride: { header: { 'X-From': 'mock' }, querystring: {}, path: {} },
      responseOverride: { status: 201, header: { Location: '/pets/9' } },
    });
  });

  it("an error in the request template is reported as the request template's, with its line", () => {
    const error = failure('fine', {}, { requestTemplate: 'ok\n#if($x' });
    expect(error).toMatchObject({ kind: 'syntax', source: 'request-template', line: 2 });
  });
});

describe('syntax errors', () => {
  it('a parse error has its line, column and a one-line reason', () => {
    const error = failure('{\n  "a": "$input.params(\'a\')",\n  #set($x = )\n}');
    expect(error).toMatchObject({ kind: 'syntax', line: 3, column: 13, source: 'template' });
    expect(error.message).toBe("unexpected ')'; expected a value (a $reference, a string, a number, a list or a map)");
    expect(error.message).not.toContain('\n');
  });

  it('an unclosed parenthesis says so', () => {
    expect(failure('#if($a == 1\nyes\n#end')).toMatchObject({
      line: 2,
      column: 1,
      message: "unexpected 'yes'; is a ')' missing before it?",
    });
    expect(failure('#set($a = $input.json("$")')).toMatchObject({ line: 1, message: expect.stringContaining("a ')' is missing") });
  });

  it('a block without #end, a stray #end and an #else outside #if are errors (velocityjs would render something)', () => {
    expect(failure('a\n#foreach($x in $l)\n$x')).toMatchObject({
      kind: 'syntax',
      line: 2,
      column: 1,
      message: '#foreach (line 2) has no #end',
    });
    expect(failure('a\n  #end b')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('#end has no #if') });
    expect(failure('#else')).toMatchObject({ message: '#else is not inside an #if' });
  });

  it('#end inside comments, raw blocks, escapes and quoted arguments does not count', () => {
    expect(checkMappingTemplate('## #end\n#* #if( *#\n#[[ #end ]]#\n\\#end\n#set($a = "#end")\n$a.replace(")", "#end")')).toBeUndefined();
    expect(checkMappingTemplate('#{if}($a)x#{else}y#{end}')).toBeUndefined();
  });

  it('checkMappingTemplate reports the first problem without rendering', () => {
    expect(checkMappingTemplate('$input.json("$")')).toBeUndefined();
    expect(checkMappingTemplate('#if(')).toMatchObject({ kind: 'syntax', line: 1 });
  });
});

describe('limits', () => {
  it('#foreach stops after 1,000 iterations, as API Gateway does, with a warning', () => {
    const body = JSON.stringify({ items: Array.from({ length: 1500 }, (_unused, index) => index) });
    const result = render("#set($n = 0)#foreach($i in $input.path('$.items'))#set($n = $n + 1)#end$n", { body });
    expect(result).toMatchObject({ ok: true, output: '1000' });
    expect(result.warnings[0]?.message).toContain('stopped after 1,000 of 1,500');
  });

  it('a template larger than 300 KB is refused before parsing', () => {
    const error = failure('x'.repeat(300 * 1024 + 1));
    expect(error).toMatchObject({ kind: 'limit', line: 1 });
    expect(error.message).toContain('300 KB');
  });

  it('output above 10 MB is refused, at the line that built it', () => {
    const error = failure('#set($s = "0123456789abcdef")\n#foreach($i in [1..20])#set($s = "$s$s")#end');
    expect(error).toMatchObject({ kind: 'limit', line: 2 });
    expect(error.message).toContain('10 MB');
  });

  it('the time limit stops a long render', () => {
    const started = Date.now();
    const error = failure(
      '#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])x#end#end#end',
      {},
      { limits: { timeLimitMs: 200, maxOutputLength: 1e9 } },
    );
    expect(error).toMatchObject({ kind: 'limit', message: expect.stringContaining('200 ms') });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a huge range literal is refused instead of being built', () => {
    expect(failure('#foreach($i in [1..1000000000])#end').message).toContain('at most 100000');
  });

  it('a macro that calls itself is an error, not a crash', () => {
    expect(failure('#macro(again $n)#again($n)#end\n#again(1)')).toMatchObject({
      kind: 'limit',
      message: expect.stringContaining('more than 20 deep'),
    });
  });
});

describe('lexical errors', () => {
  it('an unclosed string names its line', () => {
    expect(checkMappingTemplate('a\n#set($a = "abc)\nb')).toMatchObject({
      kind: 'syntax',
      line: 2,
      message: 'a string opened with " is not closed',
    });
  });

  it('a character Velocity cannot read is named', () => {
    expect(checkMappingTemplate('ok\n#set($a = 1 ~ 2)')).toMatchObject({ line: 2, message: "Velocity cannot read '~' here" });
    expect(checkMappingTemplate('#set(## c\n$a = 1)')?.message).toContain('comment or a line break inside the directive');
  });
});
