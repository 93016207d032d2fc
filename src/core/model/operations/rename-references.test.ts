// biome-ignore-all lint/suspicious/noTemplateCurlyInString: stage variable references are the data under test.
import { describe, expect, it } from 'vitest';
import { applyOperation } from '../apply';
import { checkDesign } from '../check-design';
import type { Design } from '../design';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addAuthorizer, updateAuthorizer } from './authorizers';
import { addModel } from './components';
import { addIntegration, updateIntegration } from './integrations';
import { addMethod, updateMethod } from './methods';
import {
  type RenameResult,
  renameModelEverywhere,
  renameParameterEverywhere,
  renameResourceEverywhere,
  renameStageVariableEverywhere,
  updateStageVariables,
} from './rename-references';
import { addResource } from './resources';
import { updateRoute } from './routes';
import { addStage, updateStage } from './stages';
import { connectAuthorizer, connectIntegration, updateBinding } from './wiring';

/** GET /pets/{petId} reads its path parameter in every way API Gateway offers; GET /pets/{petId}/toys below it too. */
function petIdEverywhere(): Design {
  return build(
    restPetStore(),
    (d) => updateMethod(d, ids.mth('get'), { parameters: [{ in: 'path', name: 'petId', required: true }] }),
    (d) =>
      updateBinding(d, ids.mth('get'), {
        proxy: false,
        requestParameters: { 'integration.request.path.id': 'method.request.path.petId' },
        cacheKeyParameters: ['method.request.path.petId'],
        requestTemplates: {
          'application/json': [
            '{',
            `  "id": "$input.params('petId')",`,
            '  "same": "$input.params().path.petId",',
            `  "again": "$input.params().path.get('petId')",`,
            `  "map": "$input.params().get('path').get("petId")"`,
            '  ## the petId of the pet to fetch',
            '}',
          ].join('\n'),
        },
        responses: [
          {
            selectionPattern: 'default',
            statusCode: '200',
            responseParameters: {},
            responseTemplates: { 'application/json': `{"for": "$input.params('petId')"}` },
          },
        ],
      }),
    (d) => addResource(d, { parentId: ids.res('pet'), pathPart: 'toys', id: ids.res('toys') }),
    (d) => addMethod(d, { resourceId: ids.res('toys'), httpMethod: 'GET', id: ids.mth('toys') }),
    (d) => connectIntegration(d, ids.mth('toys'), ids.int('fn')),
    (d) => updateBinding(d, ids.mth('toys'), { requestParameters: { 'integration.request.header.x-pet': 'method.request.path.petId' } }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('req') }),
    (d) => updateAuthorizer(d, ids.auth('req'), { identitySource: 'method.request.path.petId' }),
    (d) => connectAuthorizer(d, ids.mth('get'), ids.auth('req')),
  );
}

/** Applies a rename through applyOperation (as the app does), expecting it to be accepted. */
function applied(design: Design, rename: (d: Design) => RenameResult): RenameResult {
  let result: RenameResult | undefined;
  const outcome = applyOperation(design, (d) => {
    result = rename(d);
    return result.design;
  });
  if (!outcome.ok || !result) throw new Error(outcome.ok ? 'no result' : outcome.error.message);
  expect(checkDesign(outcome.design)).toEqual([]);
  return result;
}

describe('renaming a path parameter', () => {
  it('updates the declared parameter, parameter mappings, cache keys and templates of every method below the resource', () => {
    const { design, changed, review } = applied(petIdEverywhere(), (d) => renameResourceEverywhere(d, ids.res('pet'), '{id}'));
    const get = design.methods[ids.mth('get')];
    expect(design.resources[ids.res('pet')]?.pathPart).toBe('{id}');
    expect(get?.parameters).toEqual([{ in: 'path', name: 'id', required: true }]);
    expect(get?.integration?.requestParameters).toEqual({ 'integration.request.path.id': 'method.request.path.id' });
    expect(get?.integration?.cacheKeyParameters).toEqual(['method.request.path.id']);
    const template = get?.integration?.requestTemplates['application/json'];
    expect(template).toContain(`"id": "$input.params('id')"`);
    expect(template).toContain('"same": "$input.params().path.id"');
    expect(template).toContain(`"again": "$input.params().path.get('id')"`);
    expect(template).toContain(`"map": "$input.params().get('path').get("id")"`);
    expect(get?.integration?.responses[0]?.responseTemplates['application/json']).toBe(`{"for": "$input.params('id')"}`);
    expect(design.methods[ids.mth('toys')]?.integration?.requestParameters).toEqual({
      'integration.request.header.x-pet': 'method.request.path.id',
    });
    expect(changed).toContainEqual({ where: 'resource /pets/{petId}', before: '{petId}', after: '{id}' });
    expect(changed).toContainEqual({
      where: 'GET /pets/{id} · cache key',
      before: 'method.request.path.petId',
      after: 'method.request.path.id',
    });
    expect(changed).toContainEqual({
      where: 'GET /pets/{id}/toys · integration request parameter integration.request.header.x-pet',
      before: 'method.request.path.petId',
      after: 'method.request.path.id',
    });
    expect(
      changed.find((change) => change.where === 'GET /pets/{id} · request template (application/json)')?.before.split('\n'),
    ).toHaveLength(4);
    // A comment only looks like the name; the authorizer is shared by other methods.
    expect(review).toEqual([
      { where: 'GET /pets/{id} · request template (application/json)', text: '## the petId of the pet to fetch' },
      {
        where: `authorizer ${design.authorizers[ids.auth('req')]?.name} · identity source (shared by its methods, left as it is)`,
        text: 'method.request.path.petId',
      },
    ]);
  });

  it('is the same rename when the method form renames its path parameter, and keeps a greedy one greedy', () => {
    const fromForm = applied(petIdEverywhere(), (d) => renameParameterEverywhere(d, ids.mth('get'), 0, 'id'));
    expect(fromForm.design).toEqual(renameResourceEverywhere(petIdEverywhere(), ids.res('pet'), '{id}').design);
    const greedy = build(
      restPetStore(),
      (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }),
      (d) => addMethod(d, { resourceId: ids.res('proxy'), httpMethod: 'ANY', id: ids.mth('any') }),
      (d) => updateMethod(d, ids.mth('any'), { parameters: [{ in: 'path', name: 'proxy', required: true }] }),
    );
    expect(
      applied(greedy, (d) => renameParameterEverywhere(d, ids.mth('any'), 0, 'path')).design.resources[ids.res('proxy')]?.pathPart,
    ).toBe('{path+}');
  });

  it('is refused as the resource rename is (an invalid part), and chained renames end where one rename would', () => {
    expect(refusalOf(petIdEverywhere(), (d) => renameResourceEverywhere(d, ids.res('pet'), '{pet id}').design).code).toBe('invalid-value');
    const chained = build(
      petIdEverywhere(),
      (d) => renameResourceEverywhere(d, ids.res('pet'), '{petI}').design,
      (d) => renameResourceEverywhere(d, ids.res('pet'), '{pet}').design,
      (d) => renameResourceEverywhere(d, ids.res('pet'), '{id}').design,
    );
    expect(chained).toEqual(renameResourceEverywhere(petIdEverywhere(), ids.res('pet'), '{id}').design);
  });
});

describe('renaming a resource', () => {
  it('lists template lines naming its old path for review, and changes only the resource', () => {
    const design = build(restPetStore(), (d) =>
      updateBinding(d, ids.mth('list'), { requestTemplates: { 'application/json': '#if($context.resourcePath == "/pets")ok#end' } }),
    );
    const result = applied(design, (d) => renameResourceEverywhere(d, ids.res('pets'), 'animals'));
    expect(result.changed).toEqual([{ where: 'resource /pets', before: 'pets', after: 'animals' }]);
    expect(result.review).toEqual([
      { where: 'GET /animals · request template (application/json)', text: '#if($context.resourcePath == "/pets")ok#end' },
    ]);
    expect(result.design.methods[ids.mth('list')]).toBe(design.methods[ids.mth('list')]);
  });
});

/** GET /pets reads a header and a query string parameter; a header named `q` makes `$input.params('q')` ambiguous. */
function headerAndQuery(): Design {
  return build(
    restPetStore(),
    (d) =>
      updateMethod(d, ids.mth('list'), {
        parameters: [
          { in: 'header', name: 'X-Trace', required: false },
          { in: 'query', name: 'q', required: false },
          { in: 'header', name: 'q', required: false },
        ],
      }),
    (d) =>
      updateBinding(d, ids.mth('list'), {
        proxy: false,
        requestParameters: {
          'integration.request.header.X-Trace': 'method.request.header.X-Trace',
          'integration.request.querystring.search': 'method.request.querystring.q',
        },
        cacheKeyParameters: ['method.request.querystring.q', 'method.request.header.X-Trace'],
        requestTemplates: {
          'application/json': `{"trace": "$input.params('X-Trace')", "h": "$input.params().header.get('X-Trace')", "q": "$input.params().querystring.q", "any": "$input.params('q')"}`,
        },
      }),
  );
}

describe('renaming a header or query string parameter', () => {
  it('updates the mappings, cache keys and templates of the method', () => {
    const { design, changed } = applied(headerAndQuery(), (d) => renameParameterEverywhere(d, ids.mth('list'), 0, 'X-Request-Id'));
    const binding = design.methods[ids.mth('list')]?.integration;
    expect(design.methods[ids.mth('list')]?.parameters[0]?.name).toBe('X-Request-Id');
    expect(binding?.requestParameters['integration.request.header.X-Trace']).toBe('method.request.header.X-Request-Id');
    expect(binding?.cacheKeyParameters).toEqual(['method.request.querystring.q', 'method.request.header.X-Request-Id']);
    expect(binding?.requestTemplates['application/json']).toContain(
      `"trace": "$input.params('X-Request-Id')", "h": "$input.params().header.get('X-Request-Id')"`,
    );
    expect(changed[0]).toEqual({ where: 'GET /pets · header parameter', before: 'X-Trace', after: 'X-Request-Id' });
  });

  it("leaves $input.params('q') for review when another parameter has the name", () => {
    const { design, review } = applied(headerAndQuery(), (d) => renameParameterEverywhere(d, ids.mth('list'), 1, 'query'));
    const binding = design.methods[ids.mth('list')]?.integration;
    expect(binding?.requestParameters['integration.request.querystring.search']).toBe('method.request.querystring.query');
    expect(binding?.cacheKeyParameters[0]).toBe('method.request.querystring.query');
    const template = binding?.requestTemplates['application/json'] as string;
    expect(template).toContain('"q": "$input.params().querystring.query"');
    expect(template).toContain(`"any": "$input.params('q')"`);
    expect(review).toHaveLength(1);
    expect(review[0]?.text).toContain(`$input.params('q')`);
  });

  it('refuses an empty name and a name the method already has in that place', () => {
    expect(refusalOf(headerAndQuery(), (d) => renameParameterEverywhere(d, ids.mth('list'), 0, ' ').design).code).toBe('invalid-value');
    expect(refusalOf(headerAndQuery(), (d) => renameParameterEverywhere(d, ids.mth('list'), 0, 'q').design).code).toBe('duplicate');
  });

  it("follows an HTTP API route's $request mappings", () => {
    const design = build(
      httpPets(),
      (d) => updateRoute(d, ids.rte('list'), { parameters: [{ in: 'header', name: 'X-User', required: false }] }),
      (d) => updateBinding(d, ids.rte('list'), { requestParameters: { 'overwrite:header.x-user': 'user-$request.header.X-User' } }),
    );
    const { design: next } = applied(design, (d) => renameParameterEverywhere(d, ids.rte('list'), 0, 'X-Caller'));
    expect(next.routes[ids.rte('list')]?.integration?.requestParameters).toEqual({
      'overwrite:header.x-user': 'user-$request.header.X-Caller',
    });
  });
});

describe('renaming a model', () => {
  it('lists the schemas whose references followed it and the templates that name it', () => {
    const design = build(
      restPetStore(),
      (d) => addModel(d, { id: ids.mdl('pet'), name: 'Pet', contentType: 'application/json', schema: { type: 'object' } }),
      (d) =>
        addModel(d, {
          id: ids.mdl('pets'),
          name: 'Pets',
          contentType: 'application/json',
          schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
        }),
      (d) =>
        updateMethod(d, ids.mth('create'), {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        }),
      (d) => updateBinding(d, ids.mth('create'), { requestTemplates: { 'application/json': '## body is a Pet\n$input.json("$")' } }),
    );
    const { design: next, changed, review } = applied(design, (d) => renameModelEverywhere(d, ids.mdl('pet'), 'Animal'));
    expect(next.models[ids.mdl('pets')]?.schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Animal' } });
    expect(changed).toEqual([
      { where: 'model Pet', before: 'Pet', after: 'Animal' },
      { where: 'model Pets · schema reference', before: 'Pet', after: 'Animal' },
      { where: 'POST /pets · schema reference', before: 'Pet', after: 'Animal' },
    ]);
    expect(review).toEqual([{ where: 'POST /pets · request template (application/json)', text: '## body is a Pet' }]);
  });
});

/** Two stages that both define `fn`, read by the Lambda target, an authorizer, a mapping and templates. */
function stageVariables(): Design {
  return build(
    restPetStore(),
    (d) =>
      updateStage(d, ids.stg('prod'), {
        variables: { fn: 'pets-prod', host: 'api.example.com' },
        canary: { percentTraffic: 10, stageVariableOverrides: { fn: 'pets-next' }, useStageCache: false },
      }),
    (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
    (d) => updateStage(d, ids.stg('dev'), { variables: { fn: 'pets-dev' } }),
    (d) => updateIntegration(d, ids.int('fn'), { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}' }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token') }),
    (d) =>
      updateAuthorizer(d, ids.auth('token'), { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth-${stageVariables.fn}' }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web') }),
    (d) => updateIntegration(d, ids.int('web'), { url: 'https://${stageVariables.host}/pets', httpMethod: 'GET' }),
    (d) =>
      updateBinding(d, ids.mth('list'), {
        proxy: false,
        requestParameters: { 'integration.request.header.x-fn': 'stageVariables.fn' },
        requestTemplates: {
          'application/json': `{"fn": "$stageVariables.fn", "same": "\${stageVariables.fn}", "get": "$stageVariables.get('fn')"}\n## fn is the function`,
        },
      }),
  );
}

describe('renaming a stage variable', () => {
  it('renames it in every stage and canary that defines it, and every reference follows', () => {
    const base = stageVariables();
    const { design, changed, review } = applied(base, (d) => renameStageVariableEverywhere(d, ids.stg('prod'), 'fn', 'petsFunction'));
    expect(Object.keys(design.stages[ids.stg('prod')]?.variables ?? {})).toEqual(['petsFunction', 'host']);
    expect(design.stages[ids.stg('dev')]?.variables).toEqual({ petsFunction: 'pets-dev' });
    expect(design.stages[ids.stg('prod')]?.canary?.stageVariableOverrides).toEqual({ petsFunction: 'pets-next' });
    expect(design.integrations[ids.int('fn')]).toMatchObject({
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.petsFunction}',
    });
    // A backend that reads another variable is left as it was.
    expect(design.integrations[ids.int('web')]).toBe(base.integrations[ids.int('web')]);
    expect(design.authorizers[ids.auth('token')]?.functionArn).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:auth-${stageVariables.petsFunction}',
    );
    const binding = design.methods[ids.mth('list')]?.integration;
    expect(binding?.requestParameters['integration.request.header.x-fn']).toBe('stageVariables.petsFunction');
    expect(binding?.requestTemplates['application/json']).toContain(
      `{"fn": "$stageVariables.petsFunction", "same": "\${stageVariables.petsFunction}", "get": "$stageVariables.get('petsFunction')"}`,
    );
    expect(changed.map((change) => change.where)).toEqual(
      expect.arrayContaining([
        'stage prod · variable',
        'stage dev · variable',
        'stage prod · canary variable',
        'integration Lambda function · functionArn',
      ]),
    );
    // A JSON key and a comment that only look like the variable are the person's to check.
    expect(review.map((item) => item.text)).toEqual([
      expect.stringMatching(/^\{"fn": "\$stageVariables\.petsFunction"/),
      '## fn is the function',
    ]);
  });

  it('is what a stage form edit that changes one name is, and refuses a taken or invalid name', () => {
    const base = stageVariables();
    const edited = applied(base, (d) => updateStageVariables(d, ids.stg('prod'), { petsFunction: 'pets-prod', host: 'api.example.com' }));
    expect(edited.design).toEqual(renameStageVariableEverywhere(base, ids.stg('prod'), 'fn', 'petsFunction').design);
    const valueEdit = applied(base, (d) => updateStageVariables(d, ids.stg('prod'), { fn: 'other', host: 'api.example.com' }));
    expect(valueEdit.changed).toEqual([]);
    expect(valueEdit.design.integrations).toBe(base.integrations);
    expect(valueEdit.design.stages[ids.stg('prod')]?.variables).toEqual({ fn: 'other', host: 'api.example.com' });
    expect(refusalOf(stageVariables(), (d) => renameStageVariableEverywhere(d, ids.stg('prod'), 'fn', 'host').design).code).toBe(
      'duplicate',
    );
    expect(refusalOf(stageVariables(), (d) => renameStageVariableEverywhere(d, ids.stg('prod'), 'fn', 'a-b').design).code).toBe(
      'invalid-value',
    );
  });
});
