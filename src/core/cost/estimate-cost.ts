import type { ApiType, Design } from '../model';
import { type PriceTier, prices } from './prices';

export interface CostInputs {
  /** Requests (REST, HTTP) or messages (WebSocket) per month. */
  requestsPerMonth: number;
  averagePayloadKb: number;
  /** WebSocket only. */
  connectionMinutesPerMonth: number;
  /** Hours each cache cluster exists in the month (730 = always). */
  cacheHoursPerMonth: number;
}

export interface CostLine {
  label: string;
  quantity: string;
  amountUsd: number;
}

export interface CostComparison {
  apiType: ApiType;
  totalUsd: number;
  /** Features of this design the other API type does not have. */
  lostFeatures: string[];
}

export interface CostEstimate {
  apiType: ApiType;
  lines: CostLine[];
  totalUsd: number;
  comparisons: CostComparison[];
  priceSource: { region: string; date: string; url: string };
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const money = (usd: number) => `$${usd.toFixed(usd < 0.1 ? 3 : 2)}`;

/** Money to a millionth of a dollar: enough for per-request prices, free of float noise in totals. */
const round = (usd: number) => Math.round(usd * 1e6) / 1e6;

const clean = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** Billable units of one request: one per started metering increment, at least one. */
export function meteredUnits(payloadKb: number, incrementKb: number): number {
  return Math.max(1, Math.ceil(clean(payloadKb) / incrementKb));
}

/** One line per price tier the volume reaches. */
function tierLines(volume: number, tiers: readonly PriceTier[], noun: string): CostLine[] {
  const lines: CostLine[] = [];
  let from = 0;
  for (const tier of tiers) {
    if (volume <= from) break;
    const inTier = Math.min(volume, tier.upTo) - from;
    const range = Number.isFinite(tier.upTo) ? `up to ${count.format(tier.upTo / 1e6)} M` : `over ${count.format(from / 1e6)} M`;
    lines.push({
      label: `${noun[0]?.toUpperCase()}${noun.slice(1)} (${range})`,
      quantity: `${count.format(inTier)} ${noun} × ${money(tier.usdPerMillion)} per million`,
      amountUsd: round((inTier / 1e6) * tier.usdPerMillion),
    });
    from = tier.upTo;
  }
  if (lines.length === 0) lines.push({ label: `${noun[0]?.toUpperCase()}${noun.slice(1)}`, quantity: `0 ${noun}`, amountUsd: 0 });
  return lines;
}

function cacheLines(design: Design, hours: number): CostLine[] {
  return design.stageOrder.flatMap((stageId) => {
    const stage = design.stages[stageId];
    if (!stage?.cacheClusterEnabled) return [];
    const perHour = prices.cacheUsdPerHour[stage.cacheClusterSize];
    return [
      {
        label: `Cache cluster ${stage.cacheClusterSize} GB (stage ${stage.name})`,
        quantity: `${count.format(hours)} hours × ${money(perHour)} per hour`,
        amountUsd: round(hours * perHour),
      },
    ];
  });
}

/**
 * Whether a REST design streams responses: its requests are then metered per started 10 MB of response
 * (the average payload stands for the streamed ones, the only responses that can be bigger).
 */
function streams(design: Design): boolean {
  return (
    design.api.type === 'REST' && Object.values(design.methods).some((method) => method.integration?.responseTransferMode === 'STREAM')
  );
}

/** The lines the same traffic costs on one API type; the cache only exists on REST. */
function linesFor(apiType: ApiType, design: Design, inputs: CostInputs): CostLine[] {
  const requests = clean(inputs.requestsPerMonth);
  switch (apiType) {
    case 'REST': {
      // Buffered responses stop at 10 MB, so only a design with streaming methods has requests that count more than once.
      const units = streams(design) ? meteredUnits(inputs.averagePayloadKb, prices.restStreamingMeteringKb) : 1;
      const lines = tierLines(requests * units, prices.restRequestTiers, 'requests');
      if (units > 1)
        for (const line of lines) line.quantity += ` (each request counts ${units}×: streamed responses are metered per 10 MB)`;
      return [...lines, ...(design.api.type === 'REST' ? cacheLines(design, clean(inputs.cacheHoursPerMonth)) : [])];
    }
    case 'HTTP': {
      const units = meteredUnits(inputs.averagePayloadKb, prices.httpMeteringKb);
      const lines = tierLines(requests * units, prices.httpRequestTiers, 'requests');
      if (units > 1) for (const line of lines) line.quantity += ` (each request counts ${units}×: metered per 512 KB)`;
      return lines;
    }
    case 'WEBSOCKET': {
      const units = meteredUnits(inputs.averagePayloadKb, prices.webSocketMeteringKb);
      const lines = tierLines(requests * units, prices.webSocketMessageTiers, 'messages');
      if (units > 1) for (const line of lines) line.quantity += ` (each message counts ${units}×: metered per 32 KB)`;
      const minutes = clean(inputs.connectionMinutesPerMonth);
      lines.push({
        label: 'Connection minutes',
        quantity: `${count.format(minutes)} minutes × ${money(prices.webSocketUsdPerMillionConnectionMinutes)} per million`,
        amountUsd: round((minutes / 1e6) * prices.webSocketUsdPerMillionConnectionMinutes),
      });
      return lines;
    }
  }
}

const total = (lines: CostLine[]) => round(lines.reduce((sum, line) => sum + line.amountUsd, 0));

/**
 * What this design uses that `target` lacks.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
 */
export function lostFeatures(design: Design, target: ApiType): string[] {
  if (target === design.api.type) return [];
  const lost: string[] = [];
  const owners = [...Object.values(design.methods), ...Object.values(design.routes)];
  const stages = Object.values(design.stages);
  const authorizerKinds = new Set(Object.values(design.authorizers).map((authorizer) => authorizer.kind));
  const integrationKinds = new Set(Object.values(design.integrations).map((target) => target.kind));
  const restOnly = target !== 'REST';
  if (restOnly) {
    const caching =
      stages.some((stage) => stage.cacheClusterEnabled || stage.methodSettings.cachingEnabled) ||
      stages.some((stage) => Object.values(stage.methodOverrides).some((override) => override.cachingEnabled));
    if (caching) lost.push('caching');
    if (Object.keys(design.usagePlans).length > 0) lost.push('usage plans');
    if (target === 'HTTP' && (Object.keys(design.apiKeys).length > 0 || owners.some((owner) => owner.apiKeyRequired)))
      lost.push('API keys');
    if (Object.keys(design.requestValidators).length > 0 || Object.values(design.methods).some((method) => method.requestValidatorId))
      lost.push('request validation');
    if (authorizerKinds.has('COGNITO_USER_POOLS')) lost.push('Cognito authorizer');
    if (authorizerKinds.has('LAMBDA_TOKEN')) lost.push('Lambda TOKEN authorizer');
    if (target === 'HTTP') {
      const templates = owners.some(
        (owner) =>
          owner.integration &&
          !owner.integration.proxy &&
          (Object.keys(owner.integration.requestTemplates).length > 0 ||
            owner.integration.responses.some((response) => Object.keys(response.responseTemplates).length > 0)),
      );
      if (templates) lost.push('mapping templates');
      if (integrationKinds.has('MOCK')) lost.push('mock integrations');
    }
    if (design.api.endpointType === 'PRIVATE') lost.push('private endpoint');
    if (design.api.policy) lost.push('resource policy');
    if (Object.keys(design.gatewayResponses).length > 0) lost.push('gateway responses');
    if (stages.some((stage) => stage.canary)) lost.push('canary releases');
    if (stages.some((stage) => stage.webAclArn)) lost.push('AWS WAF');
    if (streams(design)) lost.push('response streaming');
  }
  if (design.api.type === 'WEBSOCKET') lost.push('WebSocket routes (two-way connections)');
  if (authorizerKinds.has('JWT')) lost.push('JWT authorizer');
  if (design.api.type === 'HTTP' && design.api.cors && target === 'WEBSOCKET') lost.push('CORS');
  if (target === 'WEBSOCKET' && design.api.type !== 'WEBSOCKET') lost.push('request/response HTTP routes');
  return lost;
}

/**
 * The monthly API Gateway bill of a design at a given traffic: requests by price tier (after metering
 * increments), cache clusters by size and hours, WebSocket connection minutes, and the same traffic on
 * the other API types with what this design would lose there. Free tier, data transfer and backends
 * are not included.
 * @see https://aws.amazon.com/api-gateway/pricing/
 */
export function estimateCost(design: Design, inputs: CostInputs): CostEstimate {
  const apiType = design.api.type;
  const lines = linesFor(apiType, design, inputs);
  const others = (['REST', 'HTTP', 'WEBSOCKET'] as const).filter((type) => type !== apiType);
  return {
    apiType,
    lines,
    totalUsd: total(lines),
    comparisons: others.map((type) => ({
      apiType: type,
      totalUsd: total(linesFor(type, design, inputs)),
      lostFeatures: lostFeatures(design, type),
    })),
    priceSource: { region: prices.region, date: prices.date, url: prices.url },
  };
}
