import {
  type ApiType,
  type AuthorizerKind,
  authorizerKindProblem,
  authorizerKinds,
  type IntegrationKind,
  integrationKindProblem,
  integrationKinds,
} from '../core/model';

/** What a palette entry creates; also the `application/x-portico-palette` drag payload and test id suffix. */
export type PaletteKind = 'resource' | 'method' | 'route' | `authorizer-${AuthorizerKind}` | `integration-${IntegrationKind}`;

export const paletteMimeType = 'application/x-portico-palette';

export interface PaletteEntry {
  kind: PaletteKind;
  /** Short label shown in the palette. */
  label: string;
  /** Accessible name of the entry's button: "Add Lambda function integration". */
  actionName: string;
  group: 'Structure' | 'Authorizers' | 'Integrations';
}

export const authorizerLabels: Record<AuthorizerKind, string> = {
  IAM: 'IAM',
  COGNITO_USER_POOLS: 'Cognito user pool',
  LAMBDA_TOKEN: 'Lambda TOKEN',
  LAMBDA_REQUEST: 'Lambda REQUEST',
  JWT: 'JWT',
};

export const integrationLabels: Record<IntegrationKind, string> = {
  LAMBDA: 'Lambda function',
  HTTP: 'HTTP endpoint',
  AWS_SERVICE: 'AWS service',
  MOCK: 'Mock',
  VPC_LINK: 'VPC link',
};

/** The entries an API type offers: only kinds API Gateway accepts on that type (the model decides). */
export function paletteEntries(apiType: ApiType): PaletteEntry[] {
  const structure: PaletteEntry[] =
    apiType === 'REST'
      ? [
          { kind: 'resource', label: 'Resource', actionName: 'Add resource', group: 'Structure' },
          { kind: 'method', label: 'Method', actionName: 'Add method', group: 'Structure' },
        ]
      : [{ kind: 'route', label: 'Route', actionName: 'Add route', group: 'Structure' }];
  const authorizers = authorizerKinds
    .filter((kind) => !authorizerKindProblem(kind, apiType))
    .map(
      (kind): PaletteEntry => ({
        kind: `authorizer-${kind}`,
        label: authorizerLabels[kind],
        actionName: `Add ${authorizerLabels[kind]} authorizer`,
        group: 'Authorizers',
      }),
    );
  const integrations = integrationKinds
    .filter((kind) => !integrationKindProblem(kind, apiType))
    .map(
      (kind): PaletteEntry => ({
        kind: `integration-${kind}`,
        label: integrationLabels[kind],
        actionName: `Add ${integrationLabels[kind]} integration`,
        group: 'Integrations',
      }),
    );
  return [...structure, ...authorizers, ...integrations];
}

export function isPaletteKind(value: string): value is PaletteKind {
  if (value === 'resource' || value === 'method' || value === 'route') return true;
  if (value.startsWith('authorizer-')) return (authorizerKinds as readonly string[]).includes(value.slice('authorizer-'.length));
  if (value.startsWith('integration-')) return (integrationKinds as readonly string[]).includes(value.slice('integration-'.length));
  return false;
}
