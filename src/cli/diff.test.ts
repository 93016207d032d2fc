import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restPetStore } from '../core/examples';
import { serializeDesign } from '../core/model';
import { type CliIo, runCli } from './run-cli';

/** `portico diff` run in memory, as a pipeline would run it. */
function run(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    readFile: (path) =>
      files[path] === undefined
        ? { ok: false, message: `${path} does not exist.` }
        : { ok: true, bytes: new TextEncoder().encode(files[path]) },
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

const base = `openapi: 3.0.1
info: {title: Pets, version: '1'}
paths:
  /pets:
    get:
      parameters: [{name: limit, in: query, schema: {type: integer}}]
      responses: {'200': {description: ok}}
  /pets/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
    delete:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: gone}}
`;

// DELETE removed, `limit` required: two breaking changes; a new optional parameter: one info.
const breaking = base
  .replace(
    '{name: limit, in: query, schema: {type: integer}}',
    '{name: limit, in: query, required: true, schema: {type: integer}}, {name: q, in: query, schema: {type: string}}',
  )
  .replace(/ {4}delete:\n.*\n.*\n/, '');

// A renamed path parameter and a new operation: nothing breaks.
const additive = base
  .replace(/\{id\}/g, '{petId}')
  .replace(/name: id,/g, 'name: petId,')
  .concat(`  /owners:
    get:
      responses: {'200': {description: ok}}
`);

const files = { 'base.yaml': base, 'breaking.yaml': breaking, 'additive.yaml': additive };

describe('portico diff', () => {
  it('prints what breaks, what may, and what does not, and exits 0 without --fail-on', () => {
    const { code, stdout, stderr } = run(['diff', 'base.yaml', 'breaking.yaml'], files);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('2 breaking, 0 warnings, 1 info');
    expect(stdout).toContain('api-removed-without-deprecation  DELETE /pets/{id}');
    expect(stdout).toContain('request-parameter-became-required  GET /pets');
    expect(stdout).toContain('new-optional-request-parameter  GET /pets');
    expect(stdout).toContain('why: ');
  });

  it('exits 1 when a change at or above --fail-on exists, and 0 when none does', () => {
    expect(run(['diff', 'base.yaml', 'breaking.yaml', '--fail-on', 'breaking'], files).code).toBe(1);
    expect(run(['diff', 'base.yaml', 'breaking.yaml', '--fail-on=warning'], files).code).toBe(1);
    expect(run(['diff', 'base.yaml', 'additive.yaml', '--fail-on', 'breaking'], files).code).toBe(0);
    expect(run(['diff', 'base.yaml', 'additive.yaml', '--fail-on', 'warning'], files).code).toBe(0);
    expect(run(['diff', 'base.yaml', 'additive.yaml', '--fail-on', 'info'], files).code).toBe(1);
    expect(run(['diff', 'base.yaml', 'base.yaml', '--fail-on', 'info'], files).code).toBe(0);
  });

  it('prints {breaking, warnings, info} with --json, each item {id, message, operation}', () => {
    const { code, stdout } = run(['diff', 'base.yaml', 'breaking.yaml', '--json'], files);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, { id: string; message: string; operation: string | null }[]>;
    expect(Object.keys(report)).toEqual(['breaking', 'warnings', 'info']);
    expect(report.breaking).toEqual([
      { id: 'api-removed-without-deprecation', message: 'DELETE /pets/{id} was removed.', operation: 'DELETE /pets/{id}' },
      { id: 'request-parameter-became-required', message: 'The query string parameter `limit` became required.', operation: 'GET /pets' },
    ]);
    expect(report.warnings).toEqual([]);
    expect(report.info?.map((item) => Object.keys(item))).toEqual([['id', 'message', 'operation']]);
  });

  it('writes markdown for a pull request: the counts, then a table per level', () => {
    const { stdout } = run(['diff', 'base.yaml', 'breaking.yaml', '--format', 'markdown'], files);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('### API changes: **2 breaking**, 0 warnings, 1 info');
    expect(lines).toContain('#### Breaking (2)');
    expect(lines).toContain('| Operation | Change | Why | Check |');
    expect(lines.find((line) => line.startsWith('| `DELETE /pets/{id}`'))).toContain('`api-removed-without-deprecation` |');
    expect(lines).toContain('<details><summary>Info (1)</summary>');
    expect(stdout).not.toContain('#### Warnings');
  });

  it('says so when nothing changed for clients', () => {
    expect(run(['diff', 'base.yaml', 'base.yaml'], files).stdout).toBe("No changes for the API's clients.\n");
    expect(run(['diff', 'base.yaml', 'base.yaml', '--format', 'markdown'], files).stdout).toContain("No changes for the API's clients.");
  });

  it('compares design files as well as OpenAPI documents, and writes to -o', () => {
    const design = restPetStore();
    const withoutPet = structuredClone(design);
    for (const [id, method] of Object.entries(withoutPet.methods))
      if (method.httpMethod === 'POST') delete withoutPet.methods[id as keyof typeof withoutPet.methods];
    const result = run(['diff', 'a.json', 'b.json', '--json', '-o', 'report.json'], {
      'a.json': serializeDesign(design),
      'b.json': serializeDesign(withoutPet),
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.written['report.json'] ?? '{}') as { breaking: { id: string; operation: string }[] };
    expect(report.breaking).toEqual([
      { id: 'api-removed-without-deprecation', message: 'POST /pets was removed.', operation: 'POST /pets' },
    ]);
  });

  it('refuses bad usage with exit 2 and a reason', () => {
    expect(run(['diff', 'base.yaml'], files)).toMatchObject({ code: 2, stderr: expect.stringContaining('needs two inputs') });
    expect(run(['diff', 'base.yaml', 'breaking.yaml', '--fail-on', 'err'], files)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--fail-on err is not a level'),
    });
    expect(run(['diff', 'base.yaml', 'breaking.yaml', '--format', 'yaml'], files)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('text or markdown'),
    });
    expect(run(['diff', 'base.yaml', 'missing.yaml'], files)).toMatchObject({ code: 2, stderr: 'portico: missing.yaml does not exist.\n' });
    expect(run(['diff', 'base.yaml', 'broken.yaml'], { ...files, 'broken.yaml': 'openapi: [' }).code).toBe(2);
  });
});

/**
 * Two commits of a public API's OpenAPI file each, and the verdict its maintainers' changelog gives
 * (issue 14, acceptance 2); `src/core/diff/fixtures/README.md` names the commits and the changelog lines.
 */
describe('portico diff on real API histories', () => {
  const fixtures = resolve(__dirname, '../core/diff/fixtures');
  const read = (...names: string[]) => Object.fromEntries(names.map((name) => [name, readFileSync(join(fixtures, name), 'utf8')]));
  type Report = Record<'breaking' | 'warnings' | 'info', { id: string; message: string; operation: string | null }[]>;

  function verdict(base: string, revision: string) {
    const files = read(base, revision);
    const json = run(['diff', base, revision, '--json'], files);
    expect(json.stderr).toBe('');
    return {
      report: JSON.parse(json.stdout) as Report,
      failOnBreaking: run(['diff', base, revision, '--fail-on', 'breaking'], files).code,
      failOnWarning: run(['diff', base, revision, '--fail-on', 'warning'], files).code,
    };
  }

  it('Twilio Flex 1.34.0 → 1.35.0, "Removed redundant `close` status … (breaking change)": breaking', () => {
    const { report, failOnBreaking } = verdict('twilio-flex-v1-1.34.0.trimmed.json', 'twilio-flex-v1-1.35.0.trimmed.json');
    expect(failOnBreaking).toBe(1);
    expect(report.breaking).toEqual([
      {
        id: 'request-property-enum-value-removed',
        message: 'The value `close` was removed from the request property `Status`.',
        operation: 'POST /v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants/{Sid}',
      },
    ]);
  });

  it('Twilio Lookups 1.35.0 → 1.43.0, packages and their parameters added: additive', () => {
    const { report, failOnWarning } = verdict('twilio-lookups-v2-1.35.0.json', 'twilio-lookups-v2-1.43.0.json');
    expect(failOnWarning).toBe(0);
    expect(report.breaking).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.info.filter((item) => item.id === 'response-optional-property-added').map((item) => item.message)).toEqual([
      'The response property `identity_match` (200) was added.',
      'The response property `sms_pumping_risk` (200) was added.',
    ]);
    expect(report.info.filter((item) => item.id === 'new-optional-request-parameter')).toHaveLength(10);
  });

  it('Twilio Lookups 2.0.0-rc.15 → 2.3.3, "Remove `live_activity` package … (breaking change)": flagged', () => {
    const { report, failOnBreaking, failOnWarning } = verdict(
      'twilio-lookups-v2-2.0.0-rc.15.trimmed.json',
      'twilio-lookups-v2-2.3.3.trimmed.json',
    );
    expect(failOnWarning).toBe(1);
    expect(failOnBreaking).toBe(0);
    expect(report.breaking).toEqual([]);
    expect(report.warnings).toEqual([
      {
        id: 'response-optional-property-removed',
        message: 'The response property `live_activity` (200) was removed.',
        operation: 'GET /v2/PhoneNumbers/{PhoneNumber}',
      },
    ]);
    expect(report.info.map((item) => item.message)).toContain('The response property `line_status` (200) was added.');
  });
});
