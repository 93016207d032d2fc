import type { Design, JsonObject, Stage } from '../model';
import type { OpenApiVersion } from './types';

/**
 * The addresses callers reach a stage at, for the public OpenAPI: each custom domain name mapped to the
 * stage, then the default `execute-api` endpoint
 * (`https://{restapi-id}.execute-api.{region}.amazonaws.com/{stage}`), unless the design turned it off.
 * The API's id exists only once API Gateway creates it, and a design names no Region, so both are server
 * variables whose defaults say what to put there; the Region defaults to the one every ARN of the design
 * names, when they agree on one.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
 */

/** The part of a custom domain the servers need (design.domains; read structurally, see `domainsOf`). */
interface MappedDomain {
  domainName: string;
  mappings: { basePath: string; stageId: string }[];
}

/** Custom domains of the design, when it has any. */
function domainsOf(design: Design): MappedDomain[] {
  const domains = (design as { domains?: Record<string, MappedDomain> }).domains;
  return domains ? Object.values(domains) : [];
}

const regionInArn = /arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-gov)?-[a-z]+-\d+):/g;

/** The one Region the design's integrations and authorizers name in their ARNs, if they name exactly one. */
export function designRegion(design: Design): string | undefined {
  const regions = new Set<string>();
  const text = JSON.stringify([design.integrations, design.authorizers]);
  for (const match of text.matchAll(regionInArn)) regions.add(match[1] as string);
  return regions.size === 1 ? [...regions][0] : undefined;
}

export interface PublicServers {
  /** OpenAPI 3.0 `servers`. */
  servers: JsonObject[];
  /** Swagger 2.0: the first server as host and base path (2.0 names one host, without variables). */
  host: string;
  basePath: string;
  notes: string[];
}

function stagePath(design: Design, stageName: string): string {
  // An HTTP API's $default stage is served at the root of the endpoint.
  return design.api.type === 'HTTP' && stageName === '$default' ? '' : `/${stageName}`;
}

/**
 * The servers of the public document: for the stage named, or for every stage of the design in its order
 * (a `{stage}` variable when it has none).
 */
export function publicServers(design: Design, stageName: string | undefined, version: OpenApiVersion): PublicServers {
  const notes: string[] = [];
  const stages = design.stageOrder
    .map((id) => design.stages[id])
    .filter((stage): stage is Stage => stage !== undefined && (stageName === undefined || stage.name === stageName));
  const idVariable = design.api.type === 'REST' ? 'restapi-id' : 'api-id';
  const region = designRegion(design);
  const variables = (): JsonObject => ({
    [idVariable]: {
      default: idVariable,
      description: 'The id API Gateway gave the API when it was created (in the console, or the stack output).',
    },
    region: {
      default: region ?? 'region',
      description:
        region === undefined
          ? 'The AWS Region the API is deployed in, such as us-east-1.'
          : 'The AWS Region the API is deployed in (the one its integrations name).',
    },
  });
  const servers: JsonObject[] = [];
  const plain: { host: string; basePath: string }[] = [];
  const named = stages.length > 0 ? stages.map((stage) => ({ id: stage.id as string, name: stage.name })) : [undefined];
  for (const stage of named) {
    for (const domain of domainsOf(design)) {
      if (stage === undefined || domain.domainName.startsWith('*')) continue;
      for (const mapping of domain.mappings) {
        if (mapping.stageId !== stage.id) continue;
        const basePath = mapping.basePath === '' ? '' : `/${mapping.basePath}`;
        servers.push({ url: `https://${domain.domainName}${basePath}`, description: `Custom domain name, stage ${stage.name}` });
        plain.push({ host: domain.domainName, basePath: basePath || '/' });
      }
    }
    if (design.api.disableExecuteApiEndpoint) continue;
    const host = `{${idVariable}}.execute-api.{region}.amazonaws.com`;
    if (stage === undefined) {
      servers.push({
        url: `https://${host}/{stage}`,
        description: 'The default endpoint (the design has no stage yet)',
        variables: { ...variables(), stage: { default: 'stage', description: 'The stage to call.' } },
      });
      plain.push({ host: `${idVariable}.execute-api.${region ?? 'region'}.amazonaws.com`, basePath: '/stage' });
      continue;
    }
    const path = stagePath(design, stage.name);
    servers.push({ url: `https://${host}${path}`, description: `Stage ${stage.name}`, variables: variables() });
    plain.push({ host: `${idVariable}.execute-api.${region ?? 'region'}.amazonaws.com`, basePath: path || '/' });
  }
  if (design.api.type === 'REST' && design.api.endpointType === 'PRIVATE')
    notes.push('This is a private API: its addresses resolve only inside a VPC with an interface endpoint for execute-api.');
  if (design.api.disableExecuteApiEndpoint && servers.length === 0)
    notes.push(
      'The default execute-api endpoint is turned off and no custom domain name is mapped to the stage, so the document names no server.',
    );
  else if (design.api.disableExecuteApiEndpoint)
    notes.push('The default execute-api endpoint is turned off: only custom domain names are listed.');
  const first = plain[0] ?? { host: `${idVariable}.execute-api.${region ?? 'region'}.amazonaws.com`, basePath: '/' };
  if (version === '2.0' && plain.length > 1)
    notes.push(
      `Swagger 2.0 names one host: ${first.host}${first.basePath === '/' ? '' : first.basePath}. Choose a stage, or OpenAPI 3.0, for the others.`,
    );
  return { servers, host: first.host, basePath: first.basePath, notes };
}
