import { type MethodId, setMethodOverride, updateStage } from '../../model';
import { guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

const maxTtl = 3600;

function invalid(ttl: number | undefined): ttl is number {
  return ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > maxTtl);
}

function clamped(ttl: number): number {
  return Math.min(maxTtl, Math.max(0, Math.round(ttl)));
}

/** The stage cache keeps an answer 0–3600 s; `updateStage` refuses other values, imported data may not. */
export const cacheTtlRange = defineDesignRule({
  id: 'cache-ttl-range',
  severity: 'error',
  title: 'Cache TTL outside 0–3600 seconds',
  why: 'A REST stage keeps a cached answer for its time-to-live: 300 seconds unless you set it, at most 3600 (the upper bound cannot be raised), and 0 turns caching off for that method.',
  docsUrl: guide('api-gateway-caching'),
  reads: ['api', 'stages', 'methods', 'resources'],
  operationFields: labelFields,
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    for (const stage of Object.values(design.stages)) {
      const ttl = stage.methodSettings.cacheTtlSeconds;
      if (invalid(ttl))
        report({
          message: `Stage ${stage.name} keeps cached answers for ${ttl} s; the cache TTL is a whole number from 0 to ${maxTtl} s.`,
          target: { kind: 'stage', id: stage.id },
          fix: {
            label: `Set the TTL to ${clamped(ttl)} s`,
            apply: (d) => {
              const current = d.stages[stage.id];
              return current
                ? updateStage(d, stage.id, { methodSettings: { ...current.methodSettings, cacheTtlSeconds: clamped(ttl) } })
                : d;
            },
          },
        });
      for (const [methodId, override] of Object.entries(stage.methodOverrides)) {
        const overrideTtl = override.cacheTtlSeconds;
        const method = design.methods[methodId as MethodId];
        if (!invalid(overrideTtl) || !method) continue;
        report({
          message: `Stage ${stage.name} keeps cached answers of ${index.label(method, design.resources)} for ${overrideTtl} s; the cache TTL is a whole number from 0 to ${maxTtl} s.`,
          target: { kind: 'stage', id: stage.id },
          fix: {
            label: `Set the TTL to ${clamped(overrideTtl)} s`,
            apply: (d) => {
              const current = d.stages[stage.id]?.methodOverrides[method.id];
              return current ? setMethodOverride(d, stage.id, method.id, { ...current, cacheTtlSeconds: clamped(overrideTtl) }) : d;
            },
          },
        });
      }
    }
  },
});
