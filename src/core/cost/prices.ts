import type { CacheClusterSize } from '../model';

/**
 * Every price the estimate uses, in one place, with where and when it was read. Update all of it
 * together from the pricing page; the tests' hand-worked examples will say what moved.
 */
export const prices = {
  region: 'us-east-1',
  /** When these were last checked, each against the source `checks` names for it. */
  date: '2026-12-06',
  url: 'https://aws.amazon.com/api-gateway/pricing/',
  /**
   * What each price was checked against on `date`, and what could not be confirmed. AWS's pricing page
   * draws its rate tables from price tokens, so its text carries the numbers only in its worked examples
   * (read through a transcription of the page dated 2026-09-20); the rest comes from AWS's own pages
   * named here or, where marked, from secondary sources only.
   */
  checks: [
    {
      prices: 'REST requests $3.50 / $2.80 / $2.38 per million; HTTP requests $1.00 / $0.90; HTTP metered per 512 KB',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
      confirmed: true,
      note: 'worked examples on the page; unchanged',
    },
    {
      prices: 'REST requests over 20 billion, $1.51 per million',
      source: 'https://aws.amazon.com/about-aws/whats-new/2018/11/api-gateway-announces-tiered-pricing/',
      confirmed: true,
      note: 'the lowest tier as AWS announced it; the whitepaper "Best Practices for Designing Amazon API Gateway Private APIs", Table 4, quotes the same four tiers',
    },
    {
      prices: 'cache 0.5 GB $0.020 and 1.6 GB $0.038 per hour',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
      confirmed: true,
      note: '1.6 GB in a worked example on the page; 0.5 GB from secondary sources ($14.60 a month)',
    },
    {
      prices: 'cache 6.1 GB to 237 GB per hour',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
      confirmed: false,
      note: 'the page shows them only through price tokens; kept as last copied',
    },
    {
      prices: 'WebSocket messages $1.00 per million (first billion), connection minutes $0.25 per million; metered per 32 KB',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
      confirmed: true,
      note: 'worked example and text on the page; unchanged',
    },
    {
      prices: 'REST requests to a method that streams its response metered per 10 MB of response payload',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
      confirmed: true,
      note: '"Streaming enabled REST APIs are metered in 10MB response payload increments" (the page\'s note, in the transcription of 2026-09-20); response-transfer-mode in the Developer Guide says streaming is billed',
    },
    {
      prices: 'WebSocket messages over 1 billion, $0.80 per million',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
      confirmed: false,
      note: 'not in the page text or its examples; kept as last copied',
    },
  ],
  /**
   * REST API requests, per million, by monthly volume tier (`upTo` = cumulative requests the tier ends at).
   * Tiers confirmed against the AWS whitepaper "Best Practices for Designing Amazon API Gateway Private
   * APIs", Table 4, which quotes the pricing page.
   */
  restRequestTiers: [
    { upTo: 333_000_000, usdPerMillion: 3.5 },
    { upTo: 1_000_000_000, usdPerMillion: 2.8 },
    { upTo: 20_000_000_000, usdPerMillion: 2.38 },
    { upTo: Number.POSITIVE_INFINITY, usdPerMillion: 1.51 },
  ],
  /**
   * REST cache cluster, USD per hour by size in GB; billed every hour the cluster exists, used or not.
   * 0.5 and 1.6 GB were confirmed (see `checks`); the others are from the pricing page as last copied and
   * need checking at the next update.
   */
  cacheUsdPerHour: {
    '0.5': 0.02,
    '1.6': 0.038,
    '6.1': 0.2,
    '13.5': 0.25,
    '28.4': 0.5,
    '58.2': 1.0,
    '118': 1.9,
    '237': 3.8,
  } satisfies Record<CacheClusterSize, number>,
  /** HTTP API requests, per million; a request is counted once per started 512 KB (same whitepaper table). */
  httpRequestTiers: [
    { upTo: 300_000_000, usdPerMillion: 1.0 },
    { upTo: Number.POSITIVE_INFINITY, usdPerMillion: 0.9 },
  ],
  httpMeteringKb: 512,
  /** A REST request whose response streams (response transfer mode STREAM) counts once per started 10 MB of response. */
  restStreamingMeteringKb: 10_240,
  /**
   * WebSocket messages, per million; a message is counted once per started 32 KB. The first tier and the
   * connection-minute price were confirmed (see `checks`); $0.80 was not.
   */
  webSocketMessageTiers: [
    { upTo: 1_000_000_000, usdPerMillion: 1.0 },
    { upTo: Number.POSITIVE_INFINITY, usdPerMillion: 0.8 },
  ],
  webSocketMeteringKb: 32,
  webSocketUsdPerMillionConnectionMinutes: 0.25,
} as const;

export interface PriceTier {
  upTo: number;
  usdPerMillion: number;
}
