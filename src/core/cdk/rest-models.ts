import { gatewayResponseTypes, type JsonObject, type Method, type ModelId, type RequestValidatorId, valuesOf } from '../model';
import { gatewayResponsesWithCors } from '../model/cors-headers';
import { bool, type CodeWriter, call, exact, obj, raw, text, textRecord } from './code';
import { named, type ProgramContext } from './context';
import { ConstructIdScope, pascalCase } from './identifiers';
import { convertSchema, modelUrlCode, refModelName } from './json-schema';
import { propertyKey } from './literals';

/**
 * Models, request validators and gateway responses of a REST API: the parts that methods refer to by
 * name, written before the resources.
 */

/** Construct ids under the `RestApi` construct: what the CDK itself puts there is taken. */
export function restApiChildIds(): ConstructIdScope {
  return new ConstructIdScope(['Default', 'Deployment', 'DeploymentStage', 'Endpoint', 'CloudWatchRole', 'Account', 'Resource']);
}

/** A model API Gateway accepts: `[A-Za-z0-9]+`. */
const modelNamePattern = /^[A-Za-z0-9]+$/;

export interface RestModels {
  /** Variable of the model for a design model. */
  byId: Map<ModelId, string>;
  /** Variable of the model made for a method's inline request body schema, by method id and content type. */
  inline: Map<string, string>;
}

interface PendingModel {
  key: string;
  designId?: ModelId;
  name: string;
  contentType: string;
  description?: string;
  schema: JsonObject;
}

/** Models for every design model, and one per inline request body schema (as API Gateway's importer does). */
export function writeModels(ctx: ProgramContext, writer: CodeWriter, api: string, apiIds: ConstructIdScope, methods: Method[]): RestModels {
  const result: RestModels = { byId: new Map(), inline: new Map() };
  const pending: PendingModel[] = [];
  const names = new Set<string>();
  const namesByDesignName = new Map<string, string>();
  const uniqueName = (wanted: string): string => {
    const base = modelNamePattern.test(wanted) ? wanted : pascalCase(wanted, 8) || 'Model';
    let name = base;
    for (let index = 2; names.has(name); index += 1) name = `${base}${index}`;
    names.add(name);
    return name;
  };
  for (const model of valuesOf(ctx.design.models)) {
    const name = uniqueName(model.name);
    if (name !== model.name)
      ctx.note(`Model ${named(model.name)} is named ${name} in the program: API Gateway model names are letters and digits only.`);
    namesByDesignName.set(model.name, name);
    pending.push({
      key: model.id,
      designId: model.id,
      name,
      contentType: model.contentType,
      ...(model.description ? { description: model.description } : {}),
      schema: model.schema,
    });
  }
  for (const method of methods)
    for (const [contentType, body] of Object.entries(method.requestBody?.content ?? {})) {
      if (body.modelId || !body.schema) continue;
      const name = uniqueName(
        `${method.operationName ?? `${method.httpMethod} ${method.id}`} ${contentType === 'application/json' ? '' : contentType} Request`,
      );
      pending.push({ key: `${method.id} ${contentType}`, name, contentType, schema: body.schema });
    }
  if (pending.length === 0) return result;

  // First the schemas (which models each refers to), then the dependencies, then the code: only models
  // something refers to get a variable.
  const converted = pending.map((model) => {
    const conversion = {
      dropped: new Set<string>(),
      referenced: new Set<string>(),
      modelUrl: (ref: string) => {
        const target = refModelName(ref);
        const resolved = target === undefined ? undefined : namesByDesignName.get(target);
        return resolved === undefined ? undefined : modelUrlCode(api, resolved);
      },
    };
    const schema = convertSchema(model.schema, conversion);
    if (conversion.dropped.size > 0)
      ctx.note(
        `Model ${named(model.name)}: ${[...conversion.dropped].slice(0, 8).join(', ')} left out of the CDK model (API Gateway validates with JSON Schema draft 4; these only document).`,
      );
    const references = new Set([...conversion.referenced].map((name) => namesByDesignName.get(name) ?? name));
    return { model, schema, references };
  });
  // A model that refers to another by URL can be created only after it (API Gateway resolves the
  // reference at creation). A cycle of references cannot be ordered: its last edge is left out.
  const edges = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (current === to) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const next of edges.get(current) ?? []) stack.push(next);
    }
    return false;
  };
  const modelNames = new Set(pending.map((model) => model.name));
  const dependencies: [string, string][] = [];
  let cyclic = false;
  for (const { model, references } of converted)
    for (const target of references) {
      if (!modelNames.has(target) || target === model.name) continue;
      if (reaches(target, model.name)) {
        cyclic = true;
        continue;
      }
      edges.set(model.name, (edges.get(model.name) ?? new Set()).add(target));
      dependencies.push([model.name, target]);
    }
  if (cyclic)
    ctx.note(
      'Some models refer to each other in a cycle; CloudFormation creates one model at a time, so one of these references may fail at deploy.',
    );
  const usedByMethods = new Set<string>();
  for (const method of methods) {
    for (const body of Object.values(method.requestBody?.content ?? {})) if (body.modelId) usedByMethods.add(body.modelId);
    for (const response of method.responses)
      for (const body of Object.values(response.content)) if (body.modelId) usedByMethods.add(body.modelId);
  }
  const needed = new Set(dependencies.flat());

  writer.blank().line('// Models: JSON Schemas (draft 4) that request validators check bodies against.');
  const variables = new Map<string, string>();
  for (const { model, schema } of converted) {
    const expression = call(
      `${api}.addModel`,
      exact(apiIds.id(model.name, 'Model')),
      obj([
        ['modelName', exact(model.name)],
        ['contentType', text(model.contentType)],
        ['description', model.description ? text(model.description) : undefined],
        ['schema', schema],
      ]),
    );
    ctx.count(1);
    const referenced = model.designId === undefined || usedByMethods.has(model.designId) || needed.has(model.name);
    if (!referenced) {
      writer.statement('', expression);
      continue;
    }
    const variable = ctx.variables.name(model.name, 'Model');
    variables.set(model.name, variable);
    writer.statement(`const ${variable} = `, expression);
    if (model.designId) result.byId.set(model.designId, variable);
    else result.inline.set(model.key, variable);
  }
  for (const [from, to] of dependencies) writer.line(`${variables.get(from)}.node.addDependency(${variables.get(to)});`);
  return result;
}

/** Request validators; only the ones something uses get a variable. */
export function writeValidators(
  ctx: ProgramContext,
  writer: CodeWriter,
  api: string,
  apiIds: ConstructIdScope,
  used: Set<RequestValidatorId>,
): Map<RequestValidatorId, string> {
  const variables = new Map<RequestValidatorId, string>();
  const validators = valuesOf(ctx.design.requestValidators);
  if (validators.length === 0) return variables;
  writer.blank().line('// Request validators: what API Gateway checks before it calls the integration.');
  for (const validator of validators) {
    const expression = call(
      `${api}.addRequestValidator`,
      exact(apiIds.id(validator.name, 'Validator')),
      obj([
        ['requestValidatorName', text(validator.name)],
        ['validateRequestBody', bool(validator.validateRequestBody)],
        ['validateRequestParameters', bool(validator.validateRequestParameters)],
      ]),
    );
    if (used.has(validator.id)) {
      const variable = ctx.variables.name(validator.name, 'Validator');
      variables.set(validator.id, variable);
      writer.statement(`const ${variable} = `, expression);
    } else writer.statement('', expression);
    ctx.count(1);
  }
  return variables;
}

/**
 * Gateway responses. Their headers are `gatewayresponse.header.X` in API Gateway; the CDK takes the
 * header name alone.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
 */
export function writeGatewayResponses(ctx: ProgramContext, writer: CodeWriter, api: string, apiIds: ConstructIdScope): void {
  // With CORS, DEFAULT_4XX and DEFAULT_5XX carry the CORS headers as well (as in the OpenAPI export).
  const responses = Object.entries(gatewayResponsesWithCors(ctx.design));
  if (responses.length === 0) return;
  writer.blank().line('// Gateway responses: what API Gateway answers when it refuses or fails a request itself.');
  for (const [type, response] of responses) {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(response.responseParameters)) {
      const header = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
      if (header) headers[header] = value;
      else ctx.note(`Gateway response ${type}: the mapping ${named(key)} is not a header; only headers are written.`);
    }
    const known = (gatewayResponseTypes as readonly string[]).includes(type);
    ctx.use('apigateway');
    writer.statement(
      '',
      call(
        `${api}.addGatewayResponse`,
        exact(apiIds.id(type, 'Response')),
        obj([
          ['type', known ? raw(`apigateway.ResponseType.${type}`) : call('apigateway.ResponseType.of', exact(type))],
          ['statusCode', response.statusCode ? text(response.statusCode) : undefined],
          ['responseHeaders', textRecord(headers)],
          ['templates', textRecord(response.responseTemplates)],
        ]),
      ),
    );
    ctx.count(1);
  }
}

/** `{ 'application/json': petModel }` for a method's request body. */
export function requestModels(method: Method, models: RestModels): [string, string][] {
  const entries: [string, string][] = [];
  for (const [contentType, body] of Object.entries(method.requestBody?.content ?? {})) {
    const variable = body.modelId ? models.byId.get(body.modelId) : models.inline.get(`${method.id} ${contentType}`);
    if (variable) entries.push([propertyKey(contentType), variable]);
  }
  return entries;
}
