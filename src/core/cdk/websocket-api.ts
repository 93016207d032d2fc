import { type AuthorizerId, type RouteId, routeKeyProblem, valuesOf } from '../model';
import { hintFrom } from './backends';
import { bool, type Code, type CodeWriter, call, exact, obj, raw, render, text } from './code';
import { named, type ProgramContext } from './context';
import { writeDomains } from './domains';
import { ConstructIdScope } from './identifiers';
import { plainText } from './intrinsics';
import { v2IpAddressType } from './ip-address-type';
import { authorizerFunctionArn } from './lambda-arn';
import { notePlaceholders, todoComment, webSocketPlaceholderIntegration } from './placeholder-integration';
import type { ProgramParts } from './program';
import { writeTags } from './tags';
import { type V2Integration, webSocketIntegration, webSocketIntegrationHelper } from './v2-integrations';
import { writeV2Stages } from './v2-stages';

/**
 * A WebSocket API: the route selection expression, `$connect` / `$disconnect` / `$default` and custom
 * routes with their integrations, an authorizer on `$connect` (the only route API Gateway authorizes),
 * and stages. The CDK creates no stage by default.
 * @see cdk-mapping.md §5
 */

const keySelections: Record<string, string> = {
  '$request.header.x-api-key': 'apigwv2.WebSocketApiKeySelectionExpression.HEADER_X_API_KEY',
  '$context.authorizer.usageIdentifierKey': 'apigwv2.WebSocketApiKeySelectionExpression.AUTHORIZER_USAGE_IDENTIFIER_KEY',
};

interface WebSocketAuthorizer {
  variable: string;
}

function writeAuthorizers(
  ctx: ProgramContext,
  writer: CodeWriter,
  used: Set<AuthorizerId>,
  ids: ConstructIdScope,
): Map<AuthorizerId, WebSocketAuthorizer> {
  const result = new Map<AuthorizerId, WebSocketAuthorizer>();
  const lines: [string, Code][] = [];
  for (const authorizer of valuesOf(ctx.design.authorizers)) {
    if (!used.has(authorizer.id)) {
      ctx.note(`Authorizer ${named(authorizer.name)} protects no $connect route, so the program leaves it out.`);
      continue;
    }
    const authorizers = ctx.use('authorizers');
    const variable = ctx.variables.name(authorizer.name, 'Authorizer');
    if (authorizer.kind === 'IAM') {
      lines.push([variable, call(`new ${authorizers}.WebSocketIamAuthorizer`)]);
      result.set(authorizer.id, { variable });
      continue;
    }
    const arn = authorizer.kind === 'LAMBDA_REQUEST' ? authorizerFunctionArn(ctx, authorizer) : undefined;
    if (arn === undefined) {
      ctx.note(
        `Authorizer ${named(authorizer.name)}: WebSocket APIs take IAM or a Lambda REQUEST authorizer with a function ARN; $connect is written without it.`,
      );
      continue;
    }
    const fn = ctx.backends.lambdaFunction(arn, hintFrom(plainText(authorizer.functionArn), authorizer.name));
    const sources = (authorizer.identitySource ?? '')
      .split(',')
      .map((source) => source.trim())
      .filter((source) => source.length > 0);
    lines.push([
      variable,
      call(
        `new ${authorizers}.WebSocketLambdaAuthorizer`,
        exact(ids.id(authorizer.name, 'Authorizer')),
        raw(fn),
        obj([
          ['authorizerName', text(authorizer.name)],
          ['identitySource', sources.length > 0 ? { kind: 'array', items: sources.map(text) } : undefined],
        ]),
      ),
    ]);
    ctx.count(2);
    result.set(authorizer.id, { variable });
  }
  if (lines.length > 0) {
    writer.blank().line('// Authorizer of $connect');
    for (const [variable, code] of lines) writer.statement(`const ${variable} = `, code);
  }
  return result;
}

export function writeWebSocketApi(ctx: ProgramContext, writer: CodeWriter): ProgramParts {
  const design = ctx.design;
  ctx.use('apigwv2');
  const api = 'api';
  const ids = new ConstructIdScope(['Resource']);
  const routes = valuesOf(design.routes).filter((route) => {
    if (!routeKeyProblem(route.routeKey, 'WEBSOCKET')) return true;
    ctx.note(`Route ${named(route.routeKey)} is not a WebSocket route key; the program leaves it out.`);
    return false;
  });

  const selection = design.api.apiKeySelectionExpression;
  writer.line('// The WebSocket API: messages are routed by the value the route selection expression picks.');
  writer.statement(
    `const ${api} = `,
    call(
      'new apigwv2.WebSocketApi',
      raw('this'),
      exact('Api'),
      obj([
        ['apiName', text(design.api.name)],
        ['description', design.api.description ? text(design.api.description) : undefined],
        ['routeSelectionExpression', text(design.api.routeSelectionExpression)],
        ['ipAddressType', v2IpAddressType(design.api)],
        [
          'apiKeySelectionExpression',
          selection === undefined
            ? undefined
            : keySelections[selection]
              ? raw(keySelections[selection] as string)
              : call('new apigwv2.WebSocketApiKeySelectionExpression', text(selection)),
        ],
      ]),
    ),
  );
  ctx.count(1);
  writeTags(ctx, writer, api);

  const helper = { used: false };
  const byRoute = new Map<RouteId, V2Integration & { variable: string }>();
  const distinct = new Map<string, V2Integration & { variable: string }>();
  const pending: [string, Code][] = [];
  // Routes without an integration get the placeholder.
  const placeholders = new Set<RouteId>();
  for (const route of routes) {
    const binding = route.integration;
    const target = binding ? design.integrations[binding.integrationId] : undefined;
    if (!binding || !target) {
      placeholders.add(route.id);
      continue;
    }
    const probe = webSocketIntegration(ctx, target, binding, new ConstructIdScope().id(target.name, 'Integration'), { used: false });
    if (!probe) continue;
    const key = render(probe.code, '');
    let entry = distinct.get(key);
    if (!entry) {
      const integration = webSocketIntegration(ctx, target, binding, ids.id(target.name, 'Integration'), helper) as V2Integration;
      entry = { ...integration, variable: ctx.variables.name(target.name, 'Integration') };
      distinct.set(key, entry);
      pending.push([entry.variable, integration.code]);
      ctx.count(1);
    }
    byRoute.set(route.id, entry);
  }
  const placeholderAnswer = 'accepts each message and does nothing';
  let placeholder: { variable: string; code: Code } | undefined;
  if (placeholders.size > 0) {
    placeholder = {
      variable: ctx.variables.name('integration not designed', ''),
      code: webSocketPlaceholderIntegration(ctx, ids.id('integration not designed', '')),
    };
    ctx.count(1);
    const entry = { code: placeholder.code, name: 'integration not designed', grantsPerRoute: false, variable: placeholder.variable };
    for (const id of placeholders) byRoute.set(id, entry);
    notePlaceholders(
      ctx,
      routes.filter((route) => placeholders.has(route.id)).map((route) => route.routeKey),
      'route',
      placeholderAnswer,
    );
  }
  // Every route is written (with its integration or the placeholder): a $connect route makes its authorizer used.
  const used = new Set<AuthorizerId>();
  for (const route of routes) {
    if (!route.authorizerId || !design.authorizers[route.authorizerId]) continue;
    if (route.routeKey !== '$connect')
      ctx.note(`Route ${named(route.routeKey)} has an authorizer; WebSocket APIs authorize only on $connect, so it is left out.`);
    else if (byRoute.has(route.id)) used.add(route.authorizerId);
  }
  const authorizers = writeAuthorizers(ctx, writer, used, ids);
  if (pending.length > 0) {
    writer.blank().line('// Integrations');
    for (const [variable, code] of pending) writer.statement(`const ${variable} = `, code);
  }
  if (placeholder) {
    writer.blank().line(`// A placeholder for the routes whose integration is not designed yet: it ${placeholderAnswer}.`);
    writer.statement(`const ${placeholder.variable} = `, placeholder.code);
  }

  writer.blank().line('// Routes');
  const routeKeys = new Map<RouteId, string>();
  for (const route of routes) {
    const integration = byRoute.get(route.id);
    if (!integration) continue;
    const authorizer = route.routeKey === '$connect' && route.authorizerId ? authorizers.get(route.authorizerId) : undefined;
    routeKeys.set(route.id, route.routeKey);
    if (placeholders.has(route.id)) writer.line(todoComment(route.routeKey, { kind: 'none' }, placeholderAnswer));
    // The route, a Lambda permission per route with a Lambda integration, and the route response.
    ctx.count(1 + (integration.grantsPerRoute ? 1 : 0) + (route.returnResponse ? 1 : 0));
    const options: [string, Code | undefined][] = [
      ['integration', raw(integration.variable)],
      ['authorizer', authorizer ? raw(authorizer.variable) : undefined],
      ['returnResponse', route.returnResponse ? bool(true) : undefined],
    ];
    if (route.apiKeyRequired)
      writer.statement(
        '',
        call(
          'new apigwv2.WebSocketRoute',
          raw('this'),
          exact(ctx.stackIds.id(route.routeKey, 'Route')),
          obj([['webSocketApi', raw(api)], ['routeKey', exact(route.routeKey)], ...options, ['apiKeyRequired', bool(true)]]),
        ),
      );
    else writer.statement('', call(`${api}.addRoute`, exact(route.routeKey), obj(options)));
  }
  if (routeKeys.size === 0) writer.line('// (no routes)');

  const stageVariables = writeV2Stages(ctx, writer, api, routeKeys);
  writeDomains(ctx, writer, { api, stages: stageVariables });
  return helper.used ? { before: webSocketIntegrationHelper() } : {};
}
