import type { ApiType, Authorizer, IntegrationTarget, JsonObject, TextOrIntrinsic } from '../core/model';
import { authorizerLabels, integrationLabels } from './palette-entries';

/**
 * What a card says about its element, so that two cards of one kind can be told apart at a glance: the
 * function a Lambda integration calls, the host an HTTP integration calls, the service action, where an
 * authorizer reads the caller's identity. Text only (names come from imported documents).
 */

/** A readable form of a value that may be a CloudFormation intrinsic (`Fn::Sub`, `Fn::GetAtt`, `Ref`). */
export function intrinsicText(value: TextOrIntrinsic | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const object = value as JsonObject;
  const sub = object['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  const getAtt = object['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return `\${${getAtt[0]}.${String(getAtt[1] ?? 'Arn')}}`;
  if (typeof getAtt === 'string') return `\${${getAtt}}`;
  const ref = object.Ref;
  if (typeof ref === 'string') return `\${${ref}}`;
  return undefined;
}

function host(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return match?.[1] ?? url;
}

/** `getPets` from a function ARN, an invocation URI or `${GetPetsFunction.Arn}`; undefined when none is there. */
export function functionName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const arn = /:function:([^:/]+)(?::([^/]+))?/.exec(text);
  if (arn?.[1]) return arn[2] && !arn[2].startsWith('$') ? `${arn[1]}:${arn[2]}` : arn[1];
  const reference = /\$\{([A-Za-z0-9_]+?)(?:\.Arn)?\}/.exec(text);
  return reference?.[1];
}

/** The one detail that tells two targets of a kind apart: function name, URL host, service action. */
export function integrationDetail(target: IntegrationTarget): string {
  const raw = intrinsicText(target.rawUri);
  switch (target.kind) {
    case 'LAMBDA':
      return functionName(raw) ?? functionName(target.functionArn) ?? raw ?? (target.functionArn || 'no function set');
    case 'HTTP':
      return `${target.httpMethod} ${host(raw ?? target.url) ?? ''}`.trim();
    case 'AWS_SERVICE':
      return target.integrationSubtype ?? `${target.service} · ${target.actionOrPath}`;
    case 'MOCK':
      return 'fixed response, no backend';
    case 'VPC_LINK': {
      const to = host(intrinsicText(target.url)) ?? intrinsicText(target.connectionId) ?? 'VPC link';
      if (target.integrationTarget === undefined) return to;
      // A VPC link V2 names its load balancer: `…:loadbalancer/app/orders-alb/…` reads as orders-alb.
      const balancer = /loadbalancer\/(?:app|net)\/([^/]+)/.exec(intrinsicText(target.integrationTarget) ?? '')?.[1];
      return `V2 → ${balancer ?? 'load balancer not set'} · ${to}`;
    }
  }
}

/** "Lambda · getPets": kind and detail, as a row of a method names its integration's target. */
export function integrationSummary(target: IntegrationTarget): string {
  return `${integrationLabels[target.kind]} · ${integrationDetail(target)}`;
}

/** Where an authorizer reads who is calling ("Authorization header"), or what it checks. */
export function authorizerDetail(authorizer: Authorizer, apiType: ApiType): string {
  if (authorizer.kind === 'IAM') return 'SigV4-signed requests';
  if (authorizer.kind === 'JWT') {
    // A REST API's JWT authorizer trusts a list of issuers; an HTTP API's one.
    const issuers = (authorizer.jwtIssuers ?? []).map((issuer) => host(issuer.issuer)).filter((name): name is string => Boolean(name));
    if (issuers.length > 1) return `${issuers[0]} +${issuers.length - 1}`;
    return issuers[0] ?? host(authorizer.jwtIssuer) ?? 'issuer not set';
  }
  const source = authorizer.identitySource
    ?.split(',')
    .map((entry) =>
      entry
        .trim()
        .replace(/^\$?(method\.)?request\./, '')
        .replace(/^header\./, ''),
    )
    .filter(Boolean)
    .join(', ');
  const from = source ? `${source}${/^[A-Za-z-]+$/.test(source) ? ' header' : ''}` : undefined;
  if (authorizer.kind === 'COGNITO_USER_POOLS') return from ?? 'Authorization header';
  const fn = functionName(intrinsicText(authorizer.rawAuthorizerUri)) ?? functionName(authorizer.functionArn);
  if (fn && from) return `${fn} · ${from}`;
  return fn ?? from ?? (apiType === 'REST' ? 'no function set' : 'no function set');
}

export function authorizerSummary(authorizer: Authorizer, apiType: ApiType): string {
  return `${authorizerLabels[authorizer.kind]} · ${authorizerDetail(authorizer, apiType)}`;
}
