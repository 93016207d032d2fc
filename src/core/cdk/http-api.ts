import { type AuthorizerId, parseHttpRouteKey, type RouteId, valuesOf } from '../model';
import { checkedArn } from './arns';
import { hintFrom } from './backends';
import { bool, type Code, type CodeWriter, call, exact, num, obj, raw, render, text } from './code';
import { named, type ProgramContext } from './context';
import { writeDomains } from './domains';
import { ConstructIdScope } from './identifiers';
import { arnOrUri, plainText } from './intrinsics';
import { v2IpAddressType } from './ip-address-type';
import { authorizerFunctionArn } from './lambda-arn';
import { numberLiteral } from './literals';
import { httpPlaceholderIntegration, notePlaceholders, type PlaceholderReason, todoComment } from './placeholder-integration';
import type { ProgramParts } from './program';
import { writeTags } from './tags';
import { httpIntegration, httpIntegrationHelper, type V2Integration } from './v2-integrations';
import { writeV2Stages } from './v2-stages';

/**
 * An HTTP API (`aws-cdk-lib/aws-apigatewayv2`): routes, integrations, JWT / Lambda / IAM authorizers,
 * CORS answered by API Gateway itself, and stages. The default stage the CDK would create is turned off:
 * the design lists its stages.
 * @see cdk-mapping.md §4
 */

const corsVerbs: Record<string, string> = {
  '*': 'ANY',
  ANY: 'ANY',
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
  HEAD: 'HEAD',
  OPTIONS: 'OPTIONS',
};

function corsPreflight(ctx: ProgramContext): Code | undefined {
  const cors = ctx.design.api.cors;
  if (!cors) return undefined;
  const methods = [...new Set(cors.allowMethods.map((method) => corsVerbs[method.toUpperCase()]).filter((method) => method !== undefined))];
  return obj([
    ['allowOrigins', cors.allowOrigins.length > 0 ? { kind: 'array', items: cors.allowOrigins.map(text) } : undefined],
    [
      'allowMethods',
      methods.length > 0 ? { kind: 'array', items: methods.map((method) => raw(`apigwv2.CorsHttpMethod.${method}`)) } : undefined,
    ],
    ['allowHeaders', cors.allowHeaders.length > 0 ? { kind: 'array', items: cors.allowHeaders.map(text) } : undefined],
    ['exposeHeaders', cors.exposeHeaders.length > 0 ? { kind: 'array', items: cors.exposeHeaders.map(text) } : undefined],
    ['allowCredentials', cors.allowCredentials ? bool(true) : undefined],
    [
      'maxAge',
      cors.maxAgeSeconds !== undefined && numberLiteral(cors.maxAgeSeconds) !== undefined
        ? call('cdk.Duration.seconds', num(Math.round(cors.maxAgeSeconds)))
        : undefined,
    ],
  ]);
}

interface HttpAuthorizer {
  variable: string;
  kind: 'IAM' | 'JWT' | 'LAMBDA_REQUEST';
}

function identitySources(source: string | undefined): Code | undefined {
  const sources = (source ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return sources.length > 0 ? { kind: 'array', items: sources.map(text) } : undefined;
}

function writeAuthorizers(
  ctx: ProgramContext,
  writer: CodeWriter,
  used: Set<AuthorizerId>,
  ids: ConstructIdScope,
): Map<AuthorizerId, HttpAuthorizer> {
  const result = new Map<AuthorizerId, HttpAuthorizer>();
  const lines: [string, Code][] = [];
  const authorizers = 'authorizers';
  for (const authorizer of valuesOf(ctx.design.authorizers)) {
    if (!used.has(authorizer.id)) {
      ctx.note(`Authorizer ${named(authorizer.name)} protects no route, so the program leaves it out.`);
      continue;
    }
    ctx.use('authorizers');
    const variable = ctx.variables.name(authorizer.name, 'Authorizer');
    if (authorizer.kind === 'IAM') {
      lines.push([variable, call(`new ${authorizers}.HttpIamAuthorizer`)]);
      result.set(authorizer.id, { variable, kind: 'IAM' });
    } else if (authorizer.kind === 'JWT') {
      // Without an issuer or audience the routes would be written open; placeholders keep them protected.
      if (!authorizer.jwtIssuer || authorizer.jwtAudience.length === 0)
        ctx.note(
          `JWT authorizer ${named(authorizer.name)} needs an issuer and at least one audience; the program declares placeholders for them at the top of the stack: replace their values.`,
        );
      const issuer = authorizer.jwtIssuer
        ? arnOrUri(ctx, authorizer.jwtIssuer, 'text')
        : raw(ctx.backends.value(exact('https://issuer.example.com'), authorizer.name, 'JwtIssuer'));
      const audience =
        authorizer.jwtAudience.length > 0
          ? authorizer.jwtAudience.map(text)
          : [raw(ctx.backends.value(exact('REPLACE-WITH-AUDIENCE'), authorizer.name, 'JwtAudience'))];
      lines.push([
        variable,
        call(
          `new ${authorizers}.HttpJwtAuthorizer`,
          exact(ids.id(authorizer.name, 'Authorizer')),
          issuer,
          obj([
            ['authorizerName', text(authorizer.name)],
            ['jwtAudience', { kind: 'array', items: audience }],
            ['identitySource', identitySources(authorizer.identitySource)],
          ]),
        ),
      ]);
      ctx.count(1);
      result.set(authorizer.id, { variable, kind: 'JWT' });
    } else if (authorizer.kind === 'LAMBDA_REQUEST') {
      const arn = authorizerFunctionArn(ctx, authorizer);
      const fn = ctx.backends.lambdaFunction(arn, hintFrom(plainText(authorizer.functionArn), authorizer.name));
      const simple = authorizer.enableSimpleResponses === true;
      // The CDK writes payload format 2.0 with simple responses and 1.0 with IAM policies.
      if (!simple && authorizer.payloadFormatVersion === '2.0')
        ctx.note(
          `Lambda authorizer ${named(authorizer.name)}: payload format 2.0 with IAM policy answers is written as format 1.0 (the CDK pairs 2.0 with simple answers).`,
        );
      const roleArn = authorizer.credentials;
      lines.push([
        variable,
        call(
          `new ${authorizers}.HttpLambdaAuthorizer`,
          exact(ids.id(authorizer.name, 'Authorizer')),
          raw(fn),
          obj([
            ['authorizerName', text(authorizer.name)],
            ['identitySource', identitySources(authorizer.identitySource)],
            ['responseTypes', { kind: 'array', items: [raw(`${authorizers}.HttpLambdaResponseType.${simple ? 'SIMPLE' : 'IAM'}`)] }],
            [
              'resultsCacheTtl',
              authorizer.resultTtlSeconds !== undefined && numberLiteral(authorizer.resultTtlSeconds) !== undefined
                ? call('cdk.Duration.seconds', num(Math.min(3600, Math.max(0, Math.round(authorizer.resultTtlSeconds)))))
                : undefined,
            ],
            [
              'role',
              roleArn
                ? raw(
                    ctx.backends.role(
                      checkedArn(ctx, roleArn, 'role', `${authorizer.name} invoke role`),
                      hintFrom(plainText(roleArn), `${authorizer.name} invoke`),
                    ),
                  )
                : undefined,
            ],
          ]),
        ),
      ]);
      ctx.count(roleArn ? 1 : 2);
      result.set(authorizer.id, { variable, kind: 'LAMBDA_REQUEST' });
    } else
      ctx.note(
        `Authorizer ${named(authorizer.name)}: HTTP APIs have no ${authorizer.kind} authorizer; the routes it protects are written without it.`,
      );
  }
  if (lines.length > 0) {
    writer.blank().line('// Authorizers');
    for (const [variable, code] of lines) writer.statement(`const ${variable} = `, code);
  }
  return result;
}

export function writeHttpApi(ctx: ProgramContext, writer: CodeWriter): ProgramParts {
  const design = ctx.design;
  ctx.use('apigwv2');
  const api = 'api';
  const ids = new ConstructIdScope(['Resource', 'DefaultStage']);
  const routes = valuesOf(design.routes).filter((route) => {
    if (route.routeKey === '$default' || parseHttpRouteKey(route.routeKey)) return true;
    ctx.note(`Route ${named(route.routeKey)} is not an HTTP route key (VERB /path or $default); the program leaves it out.`);
    return false;
  });

  writer.line('// The HTTP API. Its stages are the designed ones, so the CDK does not create a $default stage of its own.');
  writer.statement(
    `const ${api} = `,
    call(
      'new apigwv2.HttpApi',
      raw('this'),
      exact('Api'),
      obj([
        ['apiName', text(design.api.name)],
        ['description', design.api.description ? text(design.api.description) : undefined],
        ['corsPreflight', corsPreflight(ctx)],
        ['disableExecuteApiEndpoint', design.api.disableExecuteApiEndpoint ? bool(true) : undefined],
        ['ipAddressType', v2IpAddressType(design.api)],
        ['createDefaultStage', bool(false)],
      ]),
    ),
  );
  ctx.count(1);
  writeTags(ctx, writer, api);

  // Integrations: one object per distinct configuration, shared by its routes (one CloudFormation
  // integration each).
  const helper = { used: false };
  const byRoute = new Map<RouteId, V2Integration & { variable: string }>();
  const distinct = new Map<string, V2Integration & { variable: string }>();
  const pending: [string, Code][] = [];
  // Routes without an integration the program can write get the placeholder, with why.
  const placeholders = new Map<RouteId, PlaceholderReason>();
  for (const route of routes) {
    const binding = route.integration;
    const target = binding ? design.integrations[binding.integrationId] : undefined;
    if (!binding || !target) {
      placeholders.set(route.id, { kind: 'none' });
      continue;
    }
    const probeIds = new ConstructIdScope();
    const probe = httpIntegration(ctx, target, binding, probeIds.id(target.name, 'Integration'), { used: false });
    if (!probe) {
      placeholders.set(route.id, { kind: 'unsupported' });
      continue;
    }
    const key = render(probe.code, '');
    let entry = distinct.get(key);
    if (!entry) {
      const integration = httpIntegration(ctx, target, binding, ids.id(target.name, 'Integration'), helper) as V2Integration;
      entry = { ...integration, variable: ctx.variables.name(target.name, 'Integration') };
      distinct.set(key, entry);
      pending.push([entry.variable, integration.code]);
      ctx.count(1);
    }
    byRoute.set(route.id, entry);
  }
  const placeholderAnswer = 'calls a URL that never answers (replace it with your backend)';
  let placeholder: { variable: string; code: Code } | undefined;
  if (placeholders.size > 0) {
    placeholder = {
      variable: ctx.variables.name('integration not designed', ''),
      code: httpPlaceholderIntegration(ctx, ids.id('integration not designed', '')),
    };
    ctx.count(1);
    const entry = { code: placeholder.code, name: 'integration not designed', grantsPerRoute: false, variable: placeholder.variable };
    for (const id of placeholders.keys()) byRoute.set(id, entry);
    notePlaceholders(
      ctx,
      routes.filter((route) => placeholders.has(route.id)).map((route) => route.routeKey),
      'route',
      placeholderAnswer,
    );
  }
  // Every route is written (with its integration or the placeholder), so every route's authorizer is used.
  const used = new Set<AuthorizerId>(
    routes.flatMap((route) =>
      byRoute.has(route.id) && route.authorizerId && design.authorizers[route.authorizerId] ? [route.authorizerId] : [],
    ),
  );
  const authorizers = writeAuthorizers(ctx, writer, used, ids);
  if (pending.length > 0) {
    writer.blank().line('// Integrations');
    for (const [variable, code] of pending) writer.statement(`const ${variable} = `, code);
  }
  if (placeholder) {
    writer.blank().line(`// A placeholder for the routes without an integration the program can write: it ${placeholderAnswer}.`);
    writer.statement(`const ${placeholder.variable} = `, placeholder.code);
  }

  writer.blank().line('// Routes');
  const routeKeys = new Map<RouteId, string>();
  for (const route of routes) {
    const integration = byRoute.get(route.id);
    if (!integration) continue;
    const authorizer = route.authorizerId ? authorizers.get(route.authorizerId) : undefined;
    const scopes =
      route.authorizationScopes.length > 0 && authorizer?.kind === 'JWT'
        ? { kind: 'array' as const, items: route.authorizationScopes.map(text) }
        : undefined;
    if (route.authorizationScopes.length > 0 && !scopes)
      ctx.note(`Route ${named(route.routeKey)}: authorization scopes apply only to a JWT authorizer; they are left out.`);
    const common: [string, Code | undefined][] = [
      ['integration', raw(integration.variable)],
      ['authorizer', authorizer ? raw(authorizer.variable) : undefined],
      ['authorizationScopes', scopes],
    ];
    routeKeys.set(route.id, route.routeKey);
    ctx.count(integration.grantsPerRoute ? 2 : 1);
    const reason = placeholders.get(route.id);
    if (reason) writer.line(todoComment(route.routeKey, reason, placeholderAnswer));
    if (route.routeKey === '$default') {
      writer.statement(
        '',
        call(
          'new apigwv2.HttpRoute',
          raw('this'),
          exact(ctx.stackIds.id('Default', 'Route')),
          obj([['httpApi', raw(api)], ['routeKey', raw('apigwv2.HttpRouteKey.DEFAULT')], ...common]),
        ),
      );
      continue;
    }
    const parsed = parseHttpRouteKey(route.routeKey) as { method: string; path: string };
    writer.statement(
      '',
      call(
        `${api}.addRoutes`,
        obj([['path', exact(parsed.path)], ['methods', { kind: 'array', items: [raw(`apigwv2.HttpMethod.${parsed.method}`)] }], ...common]),
      ),
    );
  }
  if (routeKeys.size === 0) writer.line('// (no routes)');

  const stageVariables = writeV2Stages(ctx, writer, api, routeKeys);
  writeDomains(ctx, writer, { api, stages: stageVariables });
  const before = helper.used ? httpIntegrationHelper() : undefined;
  return before ? { before } : {};
}
