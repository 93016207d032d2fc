// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation placeholders are the data under test.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addIntegration,
  addMethod,
  addResource,
  connectIntegration,
  type Design,
  emptyDesign,
  type IntegrationId,
  type IntegrationTarget,
  type JsonObject,
  updateApi,
  updateIntegration,
} from '../model';
import { build, ids, type Step } from '../model/testing/design-builder';
import { importOpenApi } from '../openapi';
import { generateCdk } from '.';
import { Backends } from './backends';
import { render } from './code';
import { ProgramContext } from './context';
import { apiText, intrinsic } from './intrinsics';
import { checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, restMethods } from './testing/template';

/**
 * CloudFormation intrinsics kept in a design become CDK expressions that type-check under `strict` and
 * synthesize: `cdk.Fn.sub` (with a variable map that never holds null), `cdk.Fn.join`, `cdk.Fn.select`
 * over `cdk.Fn.split`, `cdk.Fn.importValue`, `cdk.Fn.conditionIf` with a declared `CfnCondition`, and
 * constants for what the stack cannot name (`Ref`, `Fn::GetAtt`, `Fn::FindInMap`).
 */

/** SAM's output binds a variable it fills in later to null: `{"__Stage__": null}`. */
const samUri: JsonObject = {
  'Fn::Sub': [
    'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}:${__Stage__}/invocations',
    { __Stage__: null, Fn: { Ref: 'FunctionName' } },
  ],
};

const uris: Record<string, JsonObject> = {
  staged: { 'Fn::Sub': ['https://${Host}/${__Stage__}/items', { __Stage__: null, Host: { Ref: 'HostName' } }] },
  conditional: { 'Fn::If': ['IsProduction', 'https://api.example.com', 'https://dev.example.com'] },
  selected: { 'Fn::Join': ['', ['https://', { 'Fn::Select': [1, { 'Fn::Split': ['.', { Ref: 'HostName' }] }] }, '.example.com']] },
  mapped: { 'Fn::FindInMap': ['Endpoints', { Ref: 'AWS::Region' }, 'Url'] },
  imported: { 'Fn::ImportValue': { 'Fn::Sub': '${Environment}-BackendUrl' } },
};

function httpTarget(name: string, uri: JsonObject): Step[] {
  const id = ids.int(name) as IntegrationId;
  return [
    (d) => addIntegration(d, { kind: 'HTTP', id, name }),
    (d) => updateIntegration(d, id, { rawUri: uri, url: 'https://example.com', httpMethod: 'GET' } as Partial<IntegrationTarget>),
    (d) => addResource(d, { parentId: ids.res('root'), pathPart: name, id: ids.res(name) }),
    (d) => addMethod(d, { resourceId: ids.res(name), httpMethod: 'GET', id: ids.mth(name) }),
    (d) => connectIntegration(d, ids.mth(name), id),
  ];
}

function intrinsicsDesign(): Design {
  return build(
    emptyDesign('REST', 'Intrinsics'),
    (d) => updateApi(d, { endpointType: 'REGIONAL' }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('sam'), name: 'SAM function' }),
    (d) =>
      updateIntegration(d, ids.int('sam'), {
        functionArn: '${Fn}',
        rawUri: samUri,
        credentials: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
      } as Partial<IntegrationTarget>),
    (d) => addResource(d, { parentId: ids.res('root'), pathPart: 'sam', id: ids.res('sam') }),
    (d) => addMethod(d, { resourceId: ids.res('sam'), httpMethod: 'GET', id: ids.mth('sam') }),
    (d) => connectIntegration(d, ids.mth('sam'), ids.int('sam')),
    ...Object.entries(uris).flatMap(([name, uri]) => httpTarget(name, uri)),
  );
}

let outcomes: Map<string, SynthOutcome>;
let code = '';
let notes: string[] = [];

beforeAll(() => {
  const result = generateCdk(intrinsicsDesign());
  code = result.code;
  notes = result.notes;
  outcomes = checkPrograms('intrinsics', [{ name: 'intrinsics', code }]);
}, 600_000);

function integrationOf(key: string): Properties {
  return (restMethods(outcomes.get('intrinsics')?.bare).get(key)?.Integration ?? {}) as Properties;
}

describe('intrinsics in a generated CDK program', () => {
  it('type-check under strict and synthesize, bare and with the recommended flags', () => {
    expect(problemsOf(outcomes.get('intrinsics')).filter((problem) => !/^finding (W\d+|warning: )/.test(problem))).toEqual([]);
  });

  it('an Fn::Sub whose variable map holds null gets a constant for that variable, never a null', () => {
    expect(code).not.toMatch(/: null/);
    expect(code).toContain("cdk.Fn.sub('https://${Host}/${Stage}/items', { Host: hostNameValue, Stage: stageValue })");
    expect(code).toContain("const stageValue = '__Stage__';");
    expect(integrationOf('GET /staged').Uri).toEqual({
      'Fn::Sub': ['https://${Host}/${Stage}/items', { Host: 'HostName', Stage: '__Stage__' }],
    });
    expect(notes.some((note) => note.includes('"__Stage__"') && note.includes('stageValue'))).toBe(true);
    // The same map in a Lambda URI, which the program takes apart into a function ARN.
    expect(integrationOf('GET /sam').Type).toBe('AWS_PROXY');
  });

  it('Fn::If becomes cdk.Fn.conditionIf on a declared CfnCondition the user completes', () => {
    expect(code).toMatch(/const isProductionCondition = new cdk\.CfnCondition\(this, 'IsProductionCondition'/);
    expect(integrationOf('GET /conditional').Uri).toEqual({
      'Fn::If': ['IsProductionCondition', 'https://api.example.com', 'https://dev.example.com'],
    });
    expect(notes.some((note) => note.includes('condition "IsProduction"'))).toBe(true);
  });

  it('Fn::Join, Fn::Select and Fn::Split become the cdk.Fn functions; a Ref outside the stack is a constant', () => {
    // The CDK evaluates them at synthesis when their arguments are plain text (as the constant is until replaced).
    expect(code).toContain("uri: cdk.Fn.join('', ['https://', cdk.Fn.select(1, cdk.Fn.split('.', hostNameValue)), '.example.com'])");
    expect(code).toContain("const hostNameValue = 'HostName';");
  });

  it('Fn::ImportValue stays an import; Fn::FindInMap of another template is a constant to replace', () => {
    expect(integrationOf('GET /imported').Uri).toEqual({
      'Fn::ImportValue': { 'Fn::Sub': ['${Environment}-BackendUrl', { Environment: 'Environment' }] },
    });
    expect(code).toMatch(/const endpointsAwsRegionUrlValue = 'Endpoints\.AWS::Region\.Url';/);
    expect(notes.some((note) => note.includes('mapping "Endpoints"'))).toBe(true);
  });
});

describe('intrinsic', () => {
  const show = (value: JsonObject) => render(intrinsic(newContext(), value, 'text'), '');

  it('writes pseudo parameters as cdk.Aws members and Fn::Base64 as cdk.Fn.base64', () => {
    expect(show({ Ref: 'AWS::Region' })).toBe('cdk.Aws.REGION');
    expect(show({ 'Fn::Base64': { 'Fn::Sub': '${AWS::StackName}' } })).toBe("cdk.Fn.base64(cdk.Fn.sub('${AWS::StackName}'))");
  });

  it('drops a variable of an Fn::Sub map that is not text or an intrinsic, and binds the reference to a constant', () => {
    expect(show({ 'Fn::Sub': ['${A}-${B}', { A: null, B: 'b' }] })).toBe("cdk.Fn.sub('${A}-${B}', { B: 'b', A: aValue })");
    expect(show({ 'Fn::Sub': ['x-${A}', { A: 7 }] })).toBe("cdk.Fn.sub('x-${A}', { A: '7' })");
    expect(show({ 'Fn::Sub': ['x-${A}', { A: ['list'] }] })).toBe("cdk.Fn.sub('x-${A}', { A: aValue })");
  });
});

/** A program context with its backends, as `generateCdk` sets it up. */
function newContext(): ProgramContext {
  const ctx = new ProgramContext(emptyDesign('REST'));
  ctx.backends = new Backends(ctx);
  return ctx;
}

describe('apiText', () => {
  it('writes an API name imported as an expression as that expression, and a renamed API as its text', () => {
    const imported = importOpenApi("openapi: 3.0.1\ninfo:\n  title: !Sub '${AWS::StackName}-API'\n  version: '1'\npaths: {}\n");
    if (!imported.ok) throw new Error(imported.error.message);
    const ctx = newContext();
    expect(render(apiText(ctx, imported.design.api, 'name') ?? { kind: 'raw', code: '' }, '')).toBe("cdk.Fn.sub('${AWS::StackName}-API')");
    const renamed = updateApi(imported.design, { name: 'Orders' });
    expect(render(apiText(ctx, renamed.api, 'name') ?? { kind: 'raw', code: '' }, '')).toBe("'Orders'");
  });
});
