import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { httpApiWithJwt, restPetStore, webSocketChat } from '../core/examples';
import { applyOperation, type Design, type MethodId, parseDesign, serializeDesign, setOperationInternal } from '../core/model';
import { ambiguousDocument, kinesisRestWithHttpExtensions } from '../core/openapi/testing/api-type-documents';
import { type CliIo, runCli } from './run-cli';

const repo = resolve(__dirname, '../..');
const corpus = resolve(repo, '../shared/corpus/real-world');
const corpusFiles = readdirSync(corpus).filter((name) => /\.(json|ya?ml)$/.test(name));

/** An in-memory file system and captured streams around the real command. */
function memoryIo(files: Record<string, string | Uint8Array> = {}) {
  const written: Record<string, string> = {};
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) {
        try {
          return { ok: true, bytes: readFileSync(path) };
        } catch {
          return { ok: false, message: `${path} does not exist.` };
        }
      }
      return { ok: true, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content };
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
  return {
    io,
    written,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

function run(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  const memory = memoryIo(files);
  const code = runCli(argv, memory.io, '9.9.9');
  return { code, stdout: memory.stdout, stderr: memory.stderr, written: memory.written };
}

describe('portico import', () => {
  it.each(corpusFiles.slice(0, 6))('imports %s into a design the design gate accepts', (name) => {
    const result = run(['import', join(corpus, name)]);
    expect(result.code, result.stderr).toBe(0);
    const parsed = parseDesign(result.stdout);
    expect(parsed.ok).toBe(true);
  });

  it('writes the design to the -o file instead of standard output', () => {
    const input = join(corpus, corpusFiles[0] as string);
    const result = run(['import', input, '-o', 'out.portico.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(parseDesign(result.written['out.portico.json'] as string).ok).toBe(true);
  });
});

describe('portico export', () => {
  const design = serializeDesign(restPetStore());

  it('exports a design file as OpenAPI 3 YAML by default', () => {
    const result = run(['export', 'pets.portico.json', '--to', 'openapi3'], { 'pets.portico.json': design });
    expect(result.code, result.stderr).toBe(0);
    const document = parseYaml(result.stdout) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(document.paths)).toContain('/pets/{petId}');
  });

  it('exports Swagger 2.0 JSON for a stage', () => {
    const result = run(['export', 'pets.portico.json', '--to=swagger2', '--format', 'json', '--stage', 'prod'], {
      'pets.portico.json': design,
    });
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as { swagger: string; basePath: string };
    expect(document.swagger).toBe('2.0');
    expect(document.basePath).toBe('/prod');
  });

  it('exports an OpenAPI document given as input (told apart from a design by content)', () => {
    const input = join(corpus, 'petstore-http-mock-rest.json');
    const result = run(['export', input, '--to', 'swagger2', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { swagger: string }).swagger).toBe('2.0');
  });

  it('exports an OpenAPI document as of a stage: documents carry no stages, so --stage names one', () => {
    const http = run(['export', join(corpus, 'sqs-sendmessage-subtype-http.yaml'), '--to', 'openapi3', '--stage', '$default']);
    expect(http.code, http.stderr).toBe(0);
    expect((parseYaml(http.stdout) as { servers: unknown }).servers).toEqual([{ url: '/' }]);
    const rest = run(['export', join(corpus, 'petstore-http-mock-rest.json'), '--to', 'swagger2', '--stage', 'prod', '--format', 'json']);
    expect(rest.code, rest.stderr).toBe(0);
    expect((JSON.parse(rest.stdout) as { basePath: string }).basePath).toBe('/prod');
    const invalid = run(['export', join(corpus, 'petstore-http-mock-rest.json'), '--to', 'openapi3', '--stage', 'my stage']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^portico: --stage my stage: A stage name may hold only/);
  });

  it('writes to standard output for -o -', () => {
    const result = run(['export', 'pets.portico.json', '--to', 'openapi3', '-o', '-'], { 'pets.portico.json': design });
    expect(result.code, result.stderr).toBe(0);
    expect(result.written).toEqual({});
    expect(result.stdout).toMatch(/^openapi: "3\.0\./);
  });

  it('generates the CDK program', () => {
    const result = run(['export', 'pets.portico.json', '--to', 'cdk', '-o', 'stack.ts'], { 'pets.portico.json': design });
    expect(result.code, result.stderr).toBe(0);
    expect(result.written['stack.ts']).toMatch(/extends cdk\.Stack/);
    expect(result.written['stack.ts']).toMatch(/new apigateway\.RestApi/);
  });

  it('refuses an OpenAPI export of a WebSocket API with the reason', () => {
    const result = run(['export', 'chat.portico.json', '--to', 'openapi3'], { 'chat.portico.json': serializeDesign(webSocketChat()) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^portico: .*WebSocket/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['export', 'pets.portico.json'], /needs --to/],
    [['export', 'pets.portico.json', '--to', 'raml'], /--to raml is not a target/],
    [['export', 'pets.portico.json', '--to', 'openapi3', '--format', 'xml'], /--format xml is not a format/],
    [['export', 'pets.portico.json', '--to', 'openapi3', '--stage', 'staging'], /no stage "staging" \(it has prod\)/],
    [['export', '--to', 'openapi3'], /needs an input file/],
    [['export', 'missing.yaml', '--to', 'openapi3'], /missing\.yaml does not exist/],
    [['export', 'pets.portico.json', '--to'], /--to needs a value/],
    [['export', 'pets.portico.json', '--to', 'cdk', '--frobnicate'], /Unknown option --frobnicate/],
    [['publish', 'pets.portico.json'], /"publish" is not a portico command/],
  ])('%j fails with a one-line reason and exit code 2', (argv, reason) => {
    const result = run(argv, { 'pets.portico.json': design });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['malformed JSON', '{"openapi": "3.0.1", "paths": {'],
    ['a document that is not OpenAPI', 'name: my shopping list\nitems: [eggs, milk]\n'],
    ['a damaged design file', '{"schemaVersion": 1, "api": {"name": 5}}'],
  ])('refuses %s with a one-line reason', (_case, text) => {
    const result = run(['export', 'input', '--to', 'openapi3'], { input: text });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^portico: input/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses binary junk as not UTF-8 text', () => {
    const junk = new Uint8Array(4096).map((_, index) => (index * 131 + 7) % 256);
    const result = run(['import', 'junk.bin'], { 'junk.bin': junk });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not UTF-8 text/);
  });
});

describe('portico export --profile public|aws', () => {
  const pets = restPetStore();
  const [firstMethod] = Object.keys(pets.methods);
  const withInternal = applyOperation(pets, (d) => setOperationInternal(d, firstMethod as MethodId, true));
  if (!withInternal.ok) throw new Error(withInternal.error.message);
  const files = { 'pets.portico.json': serializeDesign(withInternal.design) };
  const internalOperation = withInternal.design.methods[firstMethod as MethodId]?.operationName as string;

  it('writes the public document: no API Gateway extension, ARN, stage variable or internal operation; the invoke URL as server', () => {
    const result = run(['export', 'pets.portico.json', '--to', 'openapi3', '--profile', 'public', '--stage', 'prod'], files);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/x-amazon-apigateway|arn:aws|\$\{stageVariables\.|x-portico/);
    expect(result.stdout).not.toContain(`operationId: ${internalOperation}`);
    const document = parseYaml(result.stdout) as { servers: { url: string }[] };
    expect(document.servers.map((server) => server.url)).toEqual(['https://{restapi-id}.execute-api.{region}.amazonaws.com/prod']);
    expect(result.stderr).toMatch(/^note: 1 internal operation was left out: /m);
  });

  it('keeps everything, the internal mark included, in the AWS document (the default)', () => {
    const aws = run(['export', 'pets.portico.json', '--to', 'openapi3', '--profile', 'aws'], files);
    const plain = run(['export', 'pets.portico.json', '--to', 'openapi3'], files);
    expect(aws.code, aws.stderr).toBe(0);
    expect(aws.stdout).toBe(plain.stdout);
    expect(aws.stdout).toContain('x-amazon-apigateway-integration');
    expect(aws.stdout).toContain(`operationId: ${internalOperation}`);
    expect(aws.stdout).toContain('x-portico-internal: true');
  });

  it('writes the public Swagger 2.0 document of an AWS export given as input', () => {
    const input = join(corpus, 'awsdocs-api-as-kinesis-proxy-export-swagger-with-extensions-1.json');
    const result = run(['export', input, '--to', 'swagger2', '--profile=public', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/x-amazon-apigateway|arn:aws/);
    expect(JSON.parse(result.stdout)).toMatchObject({ swagger: '2.0', schemes: ['https'] });
  });

  it.each([
    [
      ['export', 'pets.portico.json', '--to', 'openapi3', '--profile', 'internal'],
      /--profile internal is not a profile: use aws or public/,
    ],
    [['export', 'pets.portico.json', '--to', 'cdk', '--profile', 'public'], /--profile .* no meaning with --to cdk/],
  ])('%j fails with a one-line reason and exit code 2', (argv, reason) => {
    const result = run(argv, files);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('portico lint', () => {
  it('passes a gallery example with exit code 0', () => {
    const result = run(['lint', 'pets.portico.json'], { 'pets.portico.json': serializeDesign(restPetStore()) });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings/m);
  });

  it('exits 1 and lists the errors of a design API Gateway would refuse', () => {
    // HTTP APIs have no cache: a design that came in with one (by hand-edited file or import) is refused by API Gateway.
    const base = httpApiWithJwt();
    const http: Design = {
      ...base,
      stages: Object.fromEntries(Object.entries(base.stages).map(([id, stage]) => [id, { ...stage, cacheClusterEnabled: true }])),
    };
    const result = run(['lint', 'pets.portico.json', '--json'], { 'pets.portico.json': serializeDesign(http) });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { errors: number; findings: { severity: string; ruleId: string; why: string }[] };
    expect(report.errors).toBeGreaterThan(0);
    expect(report.findings.filter((finding) => finding.severity === 'error').length).toBe(report.errors);
    expect(report.findings.every((finding) => finding.why.length > 0)).toBe(true);
  });
});

describe('--type rest|http', () => {
  const ambiguous = JSON.stringify(ambiguousDocument, null, 2);

  it('refuses a document that loses something either way, listing what each type would lose', () => {
    for (const command of [['import'], ['export', '--to', 'openapi3'], ['lint']]) {
      const result = run([...command.slice(0, 1), 'orders.json', ...command.slice(1)], { 'orders.json': ambiguous });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([
        'portico: orders.json could be a REST API or an HTTP API, and reading it as either loses something: choose with --type rest or --type http.',
        '  --type rest loses:',
        '    - the Lambda authorizer "simple", whose function answers with simple responses (REST authorizers must return an IAM policy)',
        '  --type http loses:',
        '    - the mock integration of GET /health (HTTP APIs have no mock integrations)',
        '',
      ]);
    }
  });

  it('reads the document as the type asked for, reporting what that type drops', () => {
    const http = run(['import', 'orders.json', '--type', 'http'], { 'orders.json': ambiguous });
    expect(http.code, http.stderr).toBe(0);
    const design = parseDesign(http.stdout);
    expect(design.ok && design.design.api.type).toBe('HTTP');
    expect(http.stderr).toMatch(
      /^error: paths\.\/health\.get\.x-amazon-apigateway-integration \(line \d+\): Read as an HTTP API, as you chose, which cannot hold the mock integration of GET \/health/m,
    );
    const rest = run(['import', 'orders.json', '--type=REST'], { 'orders.json': ambiguous });
    expect(rest.code, rest.stderr).toBe(0);
    const restDesign = parseDesign(rest.stdout);
    expect(restDesign.ok && restDesign.design.api.type).toBe('REST');
  });

  it('needs no --type for a REST API carrying HTTP-only extensions: nothing is lost as REST', () => {
    const result = run(['export', 'kinesis.json', '--to', 'openapi3', '--format', 'json'], {
      'kinesis.json': JSON.stringify(kinesisRestWithHttpExtensions),
    });
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as { paths: Record<string, { put: Record<string, { type: string }> }> };
    expect(document.paths['/streams/{name}/record']?.put['x-amazon-apigateway-integration']?.type).toBe('aws');
  });

  it.each([
    [['import', 'orders.json', '--type', 'websocket'], /--type websocket is not an API type: use rest or http/],
    [['lint', 'pets.portico.json', '--type', 'http'], /design of a REST API; --type reads OpenAPI documents and does not convert a design/],
  ])('%j fails with a one-line reason', (argv, reason) => {
    const result = run(argv, { 'orders.json': ambiguous, 'pets.portico.json': serializeDesign(restPetStore()) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('portico lint on an OpenAPI document', () => {
  const proxyInTheMiddle = [
    'openapi: 3.0.1',
    'info: {title: Files, version: "1"}',
    'paths:',
    '  /files/{proxy+}/meta:',
    '    get:',
    '      responses: {"200": {description: ok}}',
    '  /files/{id}:',
    '    get:',
    '      responses: {"200": {description: ok}}',
    '      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "https://example.com/{id}"}',
    '',
  ].join('\n');

  it('exits 1 on a {proxy+} in the middle of a path, naming the path', () => {
    const result = run(['lint', 'files.yaml'], { 'files.yaml': proxyInTheMiddle });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(
      /^error +import\/dropped-operation {2}paths\.\/files\/\{proxy\+\}\/meta \(line 4\) {2}.*"\/files\/\{proxy\+\}\/meta"/m,
    );
  });

  it('lists the import findings and the design rules in one list, each with severity, rule id, message and location (--json)', () => {
    const text = [
      '{"openapi": "3.0.1", "info": {"title": "T", "version": "1"},',
      ' "paths": {"/a": {"get": {',
      '   "responses": {"500": {"description": "old"}},',
      '   "responses": {"200": {"description": "ok"}}}}}}',
    ].join('\n');
    const result = run(['lint', 'api.json', '--json'], { 'api.json': text });
    const report = JSON.parse(result.stdout) as {
      errors: number;
      warnings: number;
      findings: { source: string; ruleId: string; severity: string; message: string; location?: { path?: string; line?: number } }[];
    };
    expect(report.findings).toContainEqual({
      source: 'import',
      ruleId: 'import/duplicate-key',
      severity: 'warning',
      message: 'paths./a.get.responses: written twice (lines 3 and 4); the second one is used, as API Gateway does.',
      location: { path: 'paths./a.get.responses', line: 4 },
    });
    // The design rules run on what was imported: GET /a has no integration.
    expect(report.findings.some((finding) => finding.source === 'design' && finding.ruleId === 'method-without-integration')).toBe(true);
    expect(report.errors).toBe(report.findings.filter((finding) => finding.severity === 'error').length);
    expect(result.code).toBe(report.errors > 0 ? 1 : 0);
  });

  it('exits 1 when the type asked for drops a part, and 0 on a clean document', () => {
    const dropped = run(['lint', 'orders.json', '--type', 'http'], { 'orders.json': JSON.stringify(ambiguousDocument) });
    expect(dropped.code).toBe(1);
    expect(dropped.stdout).toMatch(/^error +import\/api-type {2}paths\.\/health\.get\.x-amazon-apigateway-integration/m);
    const clean = run(['lint', join(corpus, 'sqs-sendmessage-subtype-http.yaml')]);
    expect(clean.stdout).not.toMatch(/^error/m);
  });
});

describe('the portico command on Node', () => {
  const bin = join(repo, 'bin', 'portico.mjs');

  it('runs from the repository with real files and streams', () => {
    const result = spawnSync(
      process.execPath,
      [bin, 'export', join(corpus, 'petstore-http-mock-rest.json'), '--to', 'openapi3', '--format', 'json'],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { openapi: string }).openapi).toMatch(/^3\.0\./);
  });

  it('reads standard input for the input -', () => {
    const input = readFileSync(join(corpus, 'petstore-http-mock-rest.json'), 'utf8');
    const result = spawnSync(process.execPath, [bin, 'lint', '-'], { cwd: repo, encoding: 'utf8', input });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\d+ errors?, \d+ warnings?/);
    const empty = spawnSync(process.execPath, [bin, 'lint', '-'], { cwd: repo, encoding: 'utf8', input: '' });
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim()).toMatch(/^portico: standard input: /);
  });

  it('says why an output file cannot be written, with exit code 2', () => {
    const result = spawnSync(
      process.execPath,
      [bin, 'export', join(corpus, 'petstore-http-mock-rest.json'), '--to', 'openapi3', '-o', join(repo, 'no-such-folder', 'out.yaml')],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^portico: .*out\.yaml could not be written \(its folder does not exist\)\.$/);
  });

  it('exits non-zero with one line on stderr for a missing file', () => {
    const result = spawnSync(process.execPath, [bin, 'import', 'no-such-file.yaml'], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('portico: no-such-file.yaml does not exist.');
  });
});
