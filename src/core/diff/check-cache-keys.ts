import { cachesMethod } from './check-stages';
import type { DiffContext } from './context';
import type { ClientOperation } from './operations';

/**
 * Cache key parameters of a method's integration: API Gateway caches one answer per combination of their
 * values, so dropping one serves an answer cached for one value to callers asking for another.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html#enable-api-gateway-cache-keys
 */
export function checkCacheKeys(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const after = new Set(revision.binding?.cacheKeyParameters ?? []);
  const removed = (base.binding?.cacheKeyParameters ?? []).filter((key) => !after.has(key));
  if (removed.length === 0) return;
  const cached = Object.values(context.revision.stages).some((stage) => cachesMethod(stage, revision.id));
  for (const key of removed)
    context.findings.add(
      cached ? 'apigw-cache-key-removed' : 'apigw-cache-key-removed-uncached',
      `\`${key}\` is no longer a cache key of ${revision.label}.`,
      revision.label,
      `${revision.where}/x-amazon-apigateway-integration/cacheKeyParameters`,
    );
}
