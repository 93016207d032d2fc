import { isGreedy, type JsonObject, valuesOf } from '../model';
import { bool, type CodeWriter, call, exact, json, obj, raw } from './code';
import type { ProgramContext } from './context';
import { intrinsicHooks, restApiProps } from './rest-api-props';
import type { ResourceTree } from './rest-resources';
import { writeTags } from './tags';

/**
 * A REST API that has no method yet (a new design, or one whose methods were all removed). The CDK's
 * `RestApi` refuses to synthesize without a method ("The REST API doesn't contain any methods"), and API
 * Gateway cannot deploy one either; so the program creates the API as a `SpecRestApi` whose OpenAPI
 * document lists its resources and API settings, without a stage. What only matters once methods exist (models,
 * validators, gateway responses, authorizers, stages, usage plans) is written once the design has one.
 */
export function writeRestApiWithoutMethods(ctx: ProgramContext, writer: CodeWriter, tree: ResourceTree): void {
  const design = ctx.design;
  const api = 'api';
  const paths: JsonObject = {};
  for (const resource of tree.order) {
    if (resource.parentId === null) continue;
    const parent = design.resources[resource.parentId];
    // API Gateway refuses resources below a greedy one; the design rules say so.
    if (parent && isGreedy(parent.pathPart)) continue;
    paths[tree.paths.get(resource.id) ?? '/'] = {};
  }
  // The API's own settings that a SpecRestApi takes from its document.
  const settings = design.api;
  const document: JsonObject = { openapi: '3.0.1', info: { title: settings.name, version: settings.version || '1.0' }, paths };
  if (settings.policy) document['x-amazon-apigateway-policy'] = settings.policy;
  if (settings.binaryMediaTypes.length > 0) document['x-amazon-apigateway-binary-media-types'] = [...settings.binaryMediaTypes];
  if (settings.minimumCompressionSize !== undefined)
    document['x-amazon-apigateway-minimum-compression-size'] = settings.minimumCompressionSize;
  if (settings.apiKeySource === 'AUTHORIZER') document['x-amazon-apigateway-api-key-source'] = 'AUTHORIZER';
  const left = [
    Object.keys(design.models).length > 0 ? 'models' : undefined,
    Object.keys(design.requestValidators).length > 0 ? 'request validators' : undefined,
    Object.keys(design.gatewayResponses).length > 0 ? 'gateway responses' : undefined,
    Object.keys(design.authorizers).length > 0 ? 'authorizers' : undefined,
    design.stageOrder.length > 0 ? 'stages' : undefined,
    valuesOf(design.usagePlans).length > 0 ? 'usage plans' : undefined,
  ].filter((part) => part !== undefined);
  ctx.note(
    `The REST API has no method yet, which the CDK's RestApi refuses and API Gateway cannot deploy: the program creates the API and its resources, without a stage${left.length > 0 ? `; its ${left.join(', ')} are written once it has a method` : ''}.`,
  );
  writer.line("// The REST API has no method yet: the CDK's RestApi refuses that, so it is a SpecRestApi whose OpenAPI");
  writer.line('// document lists its resources, deployed to no stage (API Gateway cannot deploy an API without methods).');
  // Only tags refer to the API afterwards.
  writer.statement(
    Object.keys(design.api.tags).length > 0 ? `const ${api} = ` : '',
    call(
      'new apigateway.SpecRestApi',
      raw('this'),
      exact('Api'),
      obj([
        ['apiDefinition', call('apigateway.ApiDefinition.fromInline', json(document, intrinsicHooks(ctx)))],
        ...restApiProps(ctx, true).entries,
        ['cloudWatchRole', bool(false)],
        ['deploy', bool(false)],
      ]),
    ),
  );
  ctx.count(1);
  writeTags(ctx, writer, api);
}
