import type { AuthorizerId, Method, MethodId, RequestValidatorId } from '../model';
import { bool, type Code, type CodeWriter, call, exact, obj, raw, render, text } from './code';
import { named, type ProgramContext } from './context';
import { writeDomains } from './domains';
import { pathTail } from './identifiers';
import { commentText, propertyKey } from './literals';
import { notePlaceholders, notImplementedStatus, restPlaceholderIntegration, todoComment } from './placeholder-integration';
import { restApiProps, restCorsOptions } from './rest-api-props';
import { writeRestApiWithoutMethods } from './rest-api-without-methods';
import { type RestAuthorizer, writeJwtMethodScopes, writeRestAuthorizers } from './rest-authorizers';
import { type RestIntegration, restIntegration } from './rest-integrations';
import { writeL1Resource } from './rest-l1-resource';
import { type RestModels, requestModels, restApiChildIds, writeGatewayResponses, writeModels, writeValidators } from './rest-models';
import { methodKeys, resourceTree } from './rest-resources';
import { stageOptions, writeFurtherStages } from './rest-stages';
import { writeTags } from './tags';
import { writeUsagePlans } from './usage-plans';

/**
 * A REST API as a tree of CDK constructs (`RestApi`, one `Resource` per path part, one `Method` per
 * verb), for designs that fit in one CloudFormation stack.
 * @see cdk-mapping.md §3
 */

const statusCodePattern = /^[1-5]\d\d$/;

/** Method request parameters: the designed ones, and any a mapping or cache key reads (API Gateway requires them declared). */
function requestParameters(method: Method): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (const parameter of method.parameters) {
    const location = parameter.in === 'query' ? 'querystring' : parameter.in;
    result.set(`method.request.${location}.${parameter.name}`, parameter.in === 'path' || parameter.required);
  }
  const binding = method.integration;
  const sources = [...Object.values(binding?.requestParameters ?? {}), ...(binding?.cacheKeyParameters ?? [])];
  for (const source of sources) {
    if (typeof source !== 'string') continue;
    const match = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.([^\s]+)$/.exec(source);
    if (match && !result.has(source)) result.set(source, match[1] === 'path');
  }
  return result;
}

/** Method responses: the designed ones, plus any status code or header an integration response maps to. */
function methodResponses(ctx: ProgramContext, method: Method, models: RestModels, placeholder: boolean): Code[] {
  const responses = new Map<string, { headers: Set<string>; models: [string, string][] }>();
  for (const response of method.responses) {
    if (!statusCodePattern.test(response.statusCode)) {
      ctx.note(
        `${method.httpMethod} method ${named(method.operationName ?? method.id)}: the response ${named(response.statusCode)} is not a status code API Gateway accepts; it is left out.`,
      );
      continue;
    }
    const entry = { headers: new Set(Object.keys(response.headers)), models: [] as [string, string][] };
    for (const [contentType, body] of Object.entries(response.content)) {
      const variable = body.modelId ? models.byId.get(body.modelId) : undefined;
      if (variable) entry.models.push([propertyKey(contentType), variable]);
    }
    responses.set(response.statusCode, entry);
  }
  for (const response of method.integration?.responses ?? []) {
    if (!statusCodePattern.test(response.statusCode)) continue;
    const entry = responses.get(response.statusCode) ?? { headers: new Set<string>(), models: [] };
    for (const key of Object.keys(response.responseParameters)) {
      const header = /^method\.response\.header\.(.+)$/.exec(key)?.[1];
      if (header) entry.headers.add(header);
    }
    responses.set(response.statusCode, entry);
  }
  // The placeholder integration answers 501: API Gateway needs a method response for it.
  if (placeholder && !responses.has(notImplementedStatus)) responses.set(notImplementedStatus, { headers: new Set(), models: [] });
  return [...responses.entries()].map(([statusCode, entry]) =>
    obj([
      ['statusCode', exact(statusCode)],
      [
        'responseParameters',
        entry.headers.size > 0
          ? obj([...entry.headers].map((header) => [propertyKey(`method.response.header.${header}`), bool(false)]))
          : undefined,
      ],
      ['responseModels', entry.models.length > 0 ? obj(entry.models.map(([key, variable]) => [key, raw(variable)])) : undefined],
    ]),
  );
}

/**
 * The scopes a method protected by a JWT authorizer requires: the CDK's Method keeps scopes for Cognito
 * authorizers only, so these are written on its CloudFormation resource (`writeJwtMethodScopes`).
 */
function jwtScopesOf(method: Method, authorizers: ReadonlyMap<AuthorizerId, RestAuthorizer>): readonly string[] {
  const authorizer = method.authorizerId ? authorizers.get(method.authorizerId) : undefined;
  return authorizer?.kind === 'JWT' ? method.authorizationScopes : [];
}

interface MethodContext {
  /** Methods that get the placeholder integration. */
  placeholders: Set<MethodId>;
  models: RestModels;
  validators: Map<RequestValidatorId, string>;
  authorizers: Map<AuthorizerId, RestAuthorizer>;
}

function methodOptions(ctx: ProgramContext, method: Method, context: MethodContext): Code {
  const authorizer = method.authorizerId ? context.authorizers.get(method.authorizerId) : undefined;
  const authorization: [string, Code | undefined][] = [];
  if (authorizer?.kind === 'IAM') authorization.push(['authorizationType', raw('apigateway.AuthorizationType.IAM')]);
  else if (authorizer?.variable) authorization.push(['authorizer', raw(authorizer.variable)]);
  if (method.authorizationScopes.length > 0) {
    if (authorizer?.kind === 'COGNITO_USER_POOLS')
      authorization.push(['authorizationScopes', { kind: 'array', items: method.authorizationScopes.map(text) }]);
    // A JWT method's scopes go on its CloudFormation resource after it is written (see `jwtScopesOf`).
    else if (authorizer?.kind !== 'JWT')
      ctx.note(
        `${method.httpMethod} method ${named(method.operationName ?? method.id)}: authorization scopes apply only to a Cognito user pool authorizer; they are left out.`,
      );
  }
  const validatorId = method.requestValidatorId ?? ctx.design.api.defaultRequestValidatorId;
  const parameters = requestParameters(method);
  const models = requestModels(method, context.models);
  const responses = methodResponses(ctx, method, context.models, context.placeholders.has(method.id));
  return obj([
    ['operationName', method.operationName ? text(method.operationName) : undefined],
    ...authorization,
    ['apiKeyRequired', method.apiKeyRequired ? bool(true) : undefined],
    ['requestValidator', validatorId ? raw(context.validators.get(validatorId) ?? 'undefined') : undefined],
    [
      'requestParameters',
      parameters.size > 0 ? obj([...parameters].map(([key, required]) => [propertyKey(key), bool(required)])) : undefined,
    ],
    ['requestModels', models.length > 0 ? obj(models.map(([key, variable]) => [key, raw(variable)])) : undefined],
    ['methodResponses', responses.length > 0 ? { kind: 'array', items: responses } : undefined],
  ]);
}

export function writeRestApi(ctx: ProgramContext, writer: CodeWriter): void {
  const design = ctx.design;
  const tree = resourceTree(ctx, design);
  if (!tree) {
    ctx.note('The design has no root resource, so there is no REST API to write.');
    return;
  }
  const api = 'api';
  ctx.use('apigateway');
  const apiIds = restApiChildIds();
  const stages = design.stageOrder.map((id) => design.stages[id]).filter((stage) => stage !== undefined);
  const keys = methodKeys(tree);
  const writtenIds = new Set(tree.written.map((method) => method.id));
  // The CDK validates a RestApi at synthesis and refuses one without methods.
  if (tree.written.length === 0) {
    writeRestApiWithoutMethods(ctx, writer, tree);
    // No stage is deployed: the domains are written without their mappings and rules (a note says so).
    writeDomains(ctx, writer, { api, stages: new Map() });
    return;
  }

  // What later parts refer to, so that only those get a variable.
  const throttledMethods = new Set<MethodId>();
  for (const plan of Object.values(design.usagePlans))
    for (const entry of plan.stages)
      for (const methodId of Object.keys(entry.methodThrottles) as MethodId[]) if (writtenIds.has(methodId)) throttledMethods.add(methodId);
  const usedValidators = new Set<RequestValidatorId>();
  const usedAuthorizers = new Set<AuthorizerId>();
  for (const method of tree.written) {
    const validator = method.requestValidatorId ?? design.api.defaultRequestValidatorId;
    if (validator && design.requestValidators[validator]) usedValidators.add(validator);
    if (method.authorizerId && design.authorizers[method.authorizerId]) usedAuthorizers.add(method.authorizerId);
  }

  // CORS: one preflight per resource, from the API's defaults when no method is a designed OPTIONS
  // (the CDK would add a second OPTIONS method and refuse) and no resource is an L1 one (which passes
  // no defaults on to its children), else resource by resource.
  const cors = design.api.cors ? restCorsOptions(ctx, design.api.cors) : undefined;
  const designedOptions = new Set(tree.written.filter((method) => method.httpMethod === 'OPTIONS').map((method) => method.resourceId));
  const corsPerResource = cors !== undefined && (designedOptions.size > 0 || tree.l1.size > 0);
  let corsVariable: string | undefined;

  const props = restApiProps(ctx, false);
  const first = stages[0];
  if (corsPerResource) {
    corsVariable = ctx.variables.name('cors', 'Options');
    writer.statement(`const ${corsVariable}: apigateway.CorsOptions = `, cors as Code);
    writer.blank();
  }
  if (stages.some((stage) => stage.methodSettings.loggingLevel !== 'OFF'))
    ctx.note(
      'Execution logging needs the account-wide CloudWatch Logs role of API Gateway; the program sets cloudWatchRole: false (so that two stacks do not fight over it), so set the role once per account and region.',
    );
  writer.line('// The REST API, with its first stage deployed through deployOptions.');
  writer.statement(
    `const ${api} = `,
    call(
      'new apigateway.RestApi',
      raw('this'),
      exact('Api'),
      obj([
        ...props.entries,
        ['defaultCorsPreflightOptions', cors && !corsPerResource ? cors : undefined],
        ['cloudWatchRole', bool(false)],
        ['deploy', first ? undefined : bool(false)],
        ['deployOptions', first ? stageOptions(ctx, first, keys) : undefined],
      ]),
    ),
  );
  ctx.count(first ? 3 : 1);
  writeTags(ctx, writer, api);
  if (props.l1Policy) {
    writer.line('// The resource policy as designed, on the L1 resource, where the CDK does not reinterpret it.');
    writer.statement('(api.node.defaultChild as apigateway.CfnRestApi).policy = ', props.l1Policy);
  }

  const models = writeModels(ctx, writer, api, apiIds, tree.written);
  const validators = writeValidators(ctx, writer, api, apiIds, usedValidators);
  writeGatewayResponses(ctx, writer, api, apiIds);
  const authorizers = writeRestAuthorizers(ctx, writer, usedAuthorizers);

  // Integrations: one variable for an integration several methods share, inline otherwise.
  const settings = { apiScopedLambdaPermissions: stages.length > 1 };
  const integrations = new Map<MethodId, RestIntegration & { key: string }>();
  const sharing = new Map<string, { count: number; integration: RestIntegration; variable?: string }>();
  const placeholders = new Set<MethodId>();
  for (const method of tree.written) {
    const binding = method.integration;
    const target = binding ? design.integrations[binding.integrationId] : undefined;
    if (!binding || !target) {
      placeholders.add(method.id);
      continue;
    }
    const integration = restIntegration(ctx, target, binding, settings);
    const key = render(integration.code, '');
    integrations.set(method.id, { ...integration, key });
    const entry = sharing.get(key) ?? { count: 0, integration };
    entry.count += 1;
    sharing.set(key, entry);
  }
  const shared = [...sharing.values()].filter((entry) => entry.count > 1);
  if (shared.length > 0) {
    writer.blank().line('// Integrations several methods share.');
    for (const entry of shared) {
      entry.variable = ctx.variables.name(entry.integration.name, 'Integration');
      writer.statement(`const ${entry.variable} = `, entry.integration.code);
    }
  }
  const placeholderAnswer = `answers ${notImplementedStatus} Not Implemented`;
  let placeholderVariable: string | undefined;
  if (placeholders.size > 0) {
    placeholderVariable = ctx.variables.name('integration not designed', '');
    writer.blank().line(`// A placeholder for the methods whose integration is not designed yet: it ${placeholderAnswer}.`);
    writer.statement(`const ${placeholderVariable} = `, restPlaceholderIntegration());
    notePlaceholders(
      ctx,
      tree.written
        .filter((method) => placeholders.has(method.id))
        .map((method) => `${method.httpMethod} ${tree.paths.get(method.resourceId) ?? '/'}`),
      'method',
      placeholderAnswer,
    );
  }
  const integrationCode = (methodId: MethodId): Code => {
    const integration = integrations.get(methodId);
    if (!integration) return raw(placeholderVariable ?? 'undefined');
    const variable = sharing.get(integration.key)?.variable;
    return variable ? raw(variable) : integration.code;
  };
  // Lambda permissions: per method and stage (plus test invoke) by default; one per function and API
  // when several stages must be able to invoke it.
  const grantedFunctions = new Set<string>();
  const countPermissions = (methodId: MethodId) => {
    const fn = integrations.get(methodId)?.grantedFunction;
    if (!fn) return;
    if (!settings.apiScopedLambdaPermissions) ctx.count(2);
    else if (!grantedFunctions.has(fn)) {
      grantedFunctions.add(fn);
      ctx.count(1);
    }
  };

  // Resources, each followed by its methods.
  const methodVariables = new Map<MethodId, string>();
  const resourceVariables = new Map<string, string>([[tree.rootId, `${api}.root`]]);
  const methodContext: MethodContext = { placeholders, models, validators, authorizers };
  const writtenResources = new Set(tree.order.map((resource) => resource.id));
  for (const resource of tree.order) {
    const path = tree.paths.get(resource.id) ?? '/';
    const methods = (tree.methods.get(resource.id) ?? []).filter((method) => writtenIds.has(method.id));
    const hasChildren = (tree.children.get(resource.id) ?? []).some((child) => writtenResources.has(child.id));
    const needsPreflight = corsPerResource && !designedOptions.has(resource.id);
    if (resource.parentId !== null) {
      const parent = resourceVariables.get(resource.parentId) ?? `${api}.root`;
      const needsVariable = methods.length > 0 || hasChildren || needsPreflight;
      writer.blank();
      let expression: Code | undefined;
      if (tree.l1.has(resource.id))
        expression = writeL1Resource(ctx, writer, {
          api,
          parent,
          parentIsRoot: resource.parentId === tree.rootId,
          resource,
          path,
          needsVariable,
        });
      else {
        const comment = commentText(path);
        if (comment !== undefined) writer.line(`// ${comment}`);
        expression = call(`${parent}.addResource`, exact(resource.pathPart));
        ctx.count(1);
        if (!needsVariable) writer.statement('', expression);
      }
      if (needsVariable && expression) {
        const variable = ctx.variables.name(pathTail(path), 'Resource');
        resourceVariables.set(resource.id, variable);
        writer.statement(`const ${variable} = `, expression);
      }
    } else if (methods.length > 0 || needsPreflight) writer.blank().line('// /');
    const variable = resourceVariables.get(resource.id) ?? `${api}.root`;
    if (needsPreflight) {
      writer.line(`${variable}.addCorsPreflight(${corsVariable});`);
      ctx.count(1);
    } else if (cors && !corsPerResource) ctx.count(1);
    for (const method of methods) {
      const options = methodOptions(ctx, method, methodContext);
      if (placeholders.has(method.id)) writer.line(todoComment(`${method.httpMethod} ${path}`, { kind: 'none' }, placeholderAnswer));
      const expression = call(
        `${variable}.addMethod`,
        exact(method.httpMethod),
        integrationCode(method.id),
        options.kind === 'object' && options.entries.length === 0 ? undefined : options,
      );
      ctx.count(1);
      countPermissions(method.id);
      const overrides = integrations.get(method.id)?.methodOverrides ?? [];
      const jwtScopes = jwtScopesOf(method, methodContext.authorizers);
      if (throttledMethods.has(method.id) || overrides.length > 0 || jwtScopes.length > 0) {
        const methodVariable = ctx.variables.name(method.operationName ?? `${method.httpMethod} ${pathTail(path, 2)}`, 'Method');
        methodVariables.set(method.id, methodVariable);
        writer.statement(`const ${methodVariable} = `, expression);
        // What the CDK's integrations cannot say (a VPC link V2's load balancer), on the method's L1.
        for (const [property, value] of overrides)
          writer.statement(
            '',
            call(`(${methodVariable}.node.defaultChild as apigateway.CfnMethod).addPropertyOverride`, exact(property), value),
          );
        if (jwtScopes.length > 0) writeJwtMethodScopes(writer, methodVariable, jwtScopes);
      } else writer.statement('', expression);
    }
  }

  const stageExpressions = writeFurtherStages(ctx, writer, api, stages, keys);
  writeUsagePlans(ctx, writer, { api, apiIds, stages: stageExpressions, methodVariables });
  writeDomains(ctx, writer, { api, stages: stageExpressions });
}
