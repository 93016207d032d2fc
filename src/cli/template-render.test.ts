import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from './run-cli';

const repo = resolve(__dirname, '../..');

/** The real command over in-memory files and captured streams. */
function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    readFile: (path) => {
      const content = files[path];
      return content === undefined
        ? { ok: false, message: `${path} does not exist.` }
        : { ok: true, bytes: new TextEncoder().encode(content) };
    },
    writeFile: (path, text) => {
      written[path] = text;
      return { ok: true };
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = runCli(argv, io, '9.9.9');
  return { code, stdout, stderr, written };
}

const petRequest = JSON.stringify({
  httpMethod: 'POST',
  resourcePath: '/pets/{id}',
  path: '/pets/7',
  headers: { 'Content-Type': 'application/json' },
  queryStringParameters: { verbose: 'true' },
  pathParameters: { id: '7' },
  stageVariables: { table: 'pets-prod' },
  body: '{"name": "Rex", "tags": ["good"]}',
  context: { stage: 'prod', identity: { sourceIp: '192.0.2.1' }, authorizer: { principalId: 'user-1' } },
});

const putItem = `{
  "TableName": "$stageVariables.table",
  "Item": {
    "id": {"S": "$input.params('id')"},
    "name": {"S": "$util.escapeJavaScript($input.path('$.name'))"},
    "owner": {"S": "$context.authorizer.principalId"},
    "from": {"S": "$context.identity.sourceIp"}
  }
}`;

describe('portico template render', () => {
  it('prints the rendered template for a request file', () => {
    const result = run(['template', 'render', 'put.vtl', '--request', 'request.json'], { 'put.vtl': putItem, 'request.json': petRequest });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      TableName: 'pets-prod',
      Item: { id: { S: '7' }, name: { S: 'Rex' }, owner: { S: 'user-1' }, from: { S: '192.0.2.1' } },
    });
  });

  it('takes the request as inline JSON', () => {
    const result = run(['template', 'render', 't.vtl', '--request', '{"queryStringParameters": {"q": "cats"}}'], {
      't.vtl': "q=$input.params('q')",
    });
    expect(result).toMatchObject({ code: 0, stdout: 'q=cats\n' });
  });

  it('--json prints {output, overrides} with every override map, status null when unset', () => {
    const template = `#set($context.requestOverride.header.X-Pet = $input.params('id'))
#set($context.requestOverride.querystring.limit = "10")
$input.json('$.tags')`;
    const result = run(['template', 'render', 't.vtl', '--request', 'r.json', '--json'], { 't.vtl': template, 'r.json': petRequest });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      output: '["good"]',
      overrides: {
        requestOverride: { header: { 'X-Pet': '7' }, querystring: { limit: '10' }, path: {} },
        responseOverride: { status: null, header: {} },
      },
    });
  });

  it('--phase response renders an integration response template: body is the backend answer, params the method request', () => {
    const template = `#set($root = $input.path('$'))
#if($root.error)
#set($context.responseOverride.status = 404)
#set($context.responseOverride.header.X-Pet-Id = $input.params('id'))
{"message": "no pet $input.params('id')"}
#else
$input.json('$')
#end`;
    const backend = JSON.stringify({ ...JSON.parse(petRequest), body: '{"error": "not found"}' });
    const result = run(['template', 'render', 'resp.vtl', '--request', 'r.json', '--phase', 'response', '--json'], {
      'resp.vtl': template,
      'r.json': backend,
    });
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { output: string; overrides: { responseOverride: unknown } };
    expect(JSON.parse(printed.output)).toEqual({ message: 'no pet 7' });
    expect(printed.overrides.responseOverride).toEqual({ status: 404, header: { 'X-Pet-Id': '7' } });
  });

  it('--request-template renders a Mock request template first and keeps only its overrides', () => {
    const mock = '#set($context.responseOverride.status = 202)\n{"statusCode": 200}';
    const response = '{"accepted": true, "status": "$context.responseOverride.status"}';
    const result = run(
      ['template', 'render', 'resp.vtl', '--phase', 'response', '--request-template', 'mock.vtl', '--request', '{}', '--json'],
      {
        'resp.vtl': response,
        'mock.vtl': mock,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { output: string; overrides: { responseOverride: { status: number } } };
    expect(JSON.parse(printed.output)).toEqual({ accepted: true, status: '202' });
    expect(printed.overrides.responseOverride.status).toBe(202);
  });

  it('a template error exits 1 with the file, line, column and a one-line reason', () => {
    const result = run(['template', 'render', 'bad.vtl', '--request', '{}'], { 'bad.vtl': '{\n  "a": 1,\n  #if($x == )\n}' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "portico: bad.vtl:3:13: unexpected ')'; expected a value (a $reference, a string, a number, a list or a map)\n",
    );
  });

  it('a runtime error and an error in the request template name their own file and line', () => {
    const runtime = run(['template', 'render', 't.vtl', '--request', '{"body": "not json"}'], { 't.vtl': "ok\n$input.json('$.a')" });
    expect(runtime.code).toBe(1);
    expect(runtime.stderr).toMatch(/^portico: t\.vtl:2:1: \$input\.json\('\$\.a'\) cannot read the body: it is not JSON/);
    expect(runtime.stderr.trim().split('\n')).toHaveLength(1);
    const early = run(['template', 'render', 't.vtl', '--request', '{}', '--request-template', 'mock.vtl'], {
      't.vtl': 'fine',
      'mock.vtl': '\n#foreach($a in $b)',
    });
    expect(early.code).toBe(1);
    expect(early.stderr).toBe('portico: mock.vtl:2:1: #foreach (line 2) has no #end\n');
  });

  it('warnings go to standard error and the output still prints', () => {
    const result = run(['template', 'render', 't.vtl', '--request', '{}'], { 't.vtl': '#foreach($i in [1..1200])#end done' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(' done\n');
    expect(result.stderr).toMatch(/^warning: t\.vtl:1:1: #foreach stopped after 1,000 of 1,200 items/);
  });

  it('writes to -o', () => {
    const result = run(['template', 'render', 't.vtl', '--request', '{}', '-o', 'out.json'], { 't.vtl': '{"a": 1}' });
    expect(result.code).toBe(0);
    expect(result.written['out.json']).toBe('{"a": 1}\n');
  });

  it.each([
    [['template'], /needs a subcommand: render/],
    [['template', 'lint', 't.vtl'], /"template lint" is not a command/],
    [['template', 'render'], /needs a template file/],
    [['template', 'render', 't.vtl'], /needs --request/],
    [['template', 'render', 't.vtl', 'u.vtl', '--request', '{}'], /takes one template file/],
    [['template', 'render', 't.vtl', '--request', '{}', '--phase', 'integration'], /--phase integration is not a phase/],
    [['template', 'render', 'missing.vtl', '--request', '{}'], /missing\.vtl does not exist/],
    [['template', 'render', 't.vtl', '--request', 'missing.json'], /missing\.json does not exist/],
    [['template', 'render', 't.vtl', '--request', '{"body": {"a": 1}}'], /--request: body must be a string/],
    [['template', 'render', 't.vtl', '--request', '{"heders": {}}'], /--request: .*"heders", which it does not know/],
    [['template', 'render', 't.vtl', '--request', '{not json'], /--request: the sample request is not JSON/],
    [['template', 'render', '-', '--request', '-'], /only one of .* standard input/],
  ])('%j fails with a one-line reason and exit code 2', (argv, reason) => {
    const result = run(argv, { 't.vtl': '$input.body' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('is listed in portico --help', () => {
    expect(run(['--help']).stdout).toMatch(/template render TEMPLATE_FILE --request REQUEST_JSON \[--phase request\|response\]/);
  });
});

describe('portico template render on Node', () => {
  const folder = mkdtempSync(join(tmpdir(), 'portico-template-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs through npx portico with real files and exit codes', () => {
    const template = join(folder, 'put.vtl');
    const request = join(folder, 'request.json');
    writeFileSync(template, putItem);
    writeFileSync(request, petRequest);
    const bin = join(repo, 'bin', 'portico.mjs');
    const ok = spawnSync(process.execPath, [bin, 'template', 'render', template, '--request', request, '--json'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse((JSON.parse(ok.stdout) as { output: string }).output)).toMatchObject({ TableName: 'pets-prod' });
    writeFileSync(template, '#if(');
    const bad = spawnSync(process.execPath, [bin, 'template', 'render', template, '--request', request], { cwd: repo, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain(`${template}:1:`);
  });
});
