import type { ApiType } from '../api';
import type { Design, Position } from '../design';
import { refuse } from '../errors';
import { createId, type IntegrationId } from '../ids';
import type { IntegrationKind, IntegrationTarget } from '../integration';
import { mustGet, patchObject, trimmedName, without } from './helpers';

/** Why an integration kind cannot exist on an API type, or undefined when it can. */
export function integrationKindProblem(kind: IntegrationKind, apiType: ApiType): string | undefined {
  if (apiType === 'HTTP' && kind === 'MOCK')
    return 'HTTP APIs have no mock integration; use a REST API, or a Lambda function that answers fixed data.';
  return undefined;
}

const defaultNames: Record<IntegrationKind, string> = {
  LAMBDA: 'Lambda function',
  HTTP: 'HTTP endpoint',
  AWS_SERVICE: 'AWS service',
  MOCK: 'Mock',
  VPC_LINK: 'Private endpoint (VPC link)',
};

/** A new integration target of a kind with placeholder values the user replaces. */
export function newIntegrationTarget(id: IntegrationId, kind: IntegrationKind, apiType: ApiType, name?: string): IntegrationTarget {
  const label = name ?? defaultNames[kind];
  switch (kind) {
    case 'LAMBDA':
      return { id, kind, name: label, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function' };
    case 'HTTP':
      return { id, kind, name: label, url: 'https://example.com/{proxy}', httpMethod: 'ANY' };
    case 'AWS_SERVICE':
      return apiType === 'HTTP'
        ? {
            id,
            kind,
            name: label,
            service: 'sqs',
            region: 'us-east-1',
            style: 'action',
            actionOrPath: 'SendMessage',
            httpMethod: 'POST',
            integrationSubtype: 'SQS-SendMessage',
            credentials: 'arn:aws:iam::123456789012:role/apigateway-sqs',
          }
        : {
            id,
            kind,
            name: label,
            service: 'sqs',
            region: 'us-east-1',
            style: 'path',
            actionOrPath: '123456789012/my-queue',
            httpMethod: 'POST',
            credentials: 'arn:aws:iam::123456789012:role/apigateway-sqs',
          };
    case 'MOCK':
      return { id, kind, name: label };
    case 'VPC_LINK':
      return {
        id,
        kind,
        name: label,
        connectionId: 'vpclink-id',
        url:
          apiType === 'HTTP'
            ? 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-alb/abc/def'
            : 'http://internal.example.com/{proxy}',
        httpMethod: 'ANY',
      };
  }
}

export interface AddIntegrationArgs {
  kind: IntegrationKind;
  name?: string;
  id?: IntegrationId;
  position?: Position;
  /** Full target, for importers and paste. */
  target?: Omit<IntegrationTarget, 'id'>;
}

export function addIntegration(design: Design, args: AddIntegrationArgs): Design {
  const kind = args.target?.kind ?? args.kind;
  const problem = integrationKindProblem(kind, design.api.type);
  if (problem) refuse('wrong-api-type', problem);
  const id = args.id ?? createId('Integration');
  if (Object.hasOwn(design.integrations, id)) refuse('duplicate', `An integration with id "${id}" already exists.`);
  const target = args.target ? ({ ...args.target, id } as IntegrationTarget) : newIntegrationTarget(id, kind, design.api.type, args.name);
  trimmedName(target.name, 'An integration');
  return {
    ...design,
    integrations: { ...design.integrations, [id]: target },
    layout: args.position ? { ...design.layout, [id]: args.position } : design.layout,
  };
}

export function updateIntegration(design: Design, integrationId: IntegrationId, patch: Partial<IntegrationTarget>): Design {
  const target = mustGet(design.integrations, integrationId, 'integration');
  if ('id' in patch && patch.id !== undefined && patch.id !== integrationId) refuse('not-allowed', 'An integration keeps its id.');
  if ('kind' in patch && patch.kind !== undefined && patch.kind !== target.kind)
    refuse('not-allowed', 'An integration keeps its kind: add a new integration of the other kind and reconnect the methods.');
  if (patch.name !== undefined) trimmedName(patch.name, 'An integration');
  const next = patchObject(target, patch as Partial<typeof target>);
  if (next === target) return design;
  return { ...design, integrations: { ...design.integrations, [integrationId]: next } };
}

/** Deletes integration targets; methods and routes that used them lose their integration. */
export function deleteIntegrations(design: Design, integrationIds: Iterable<IntegrationId>): Design {
  const ids = new Set<string>();
  for (const id of integrationIds) {
    mustGet(design.integrations, id, 'integration');
    ids.add(id);
  }
  if (ids.size === 0) return design;
  const methods = { ...design.methods };
  for (const method of Object.values(design.methods))
    if (method.integration && ids.has(method.integration.integrationId)) {
      const { integration: _dropped, ...rest } = method;
      methods[method.id] = rest;
    }
  const routes = { ...design.routes };
  for (const route of Object.values(design.routes))
    if (route.integration && ids.has(route.integration.integrationId)) {
      const { integration: _dropped, ...rest } = route;
      routes[route.id] = rest;
    }
  return { ...design, methods, routes, integrations: without(design.integrations, ids), layout: without(design.layout, ids) };
}
