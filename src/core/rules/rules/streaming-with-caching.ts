import { type Method, type MethodId, type MethodSettings, setMethodOverride } from '../../model';
import { capitalized, guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

/** Whether a stage caches a method's responses: its override, else the stage-wide setting. */
function caches(settings: MethodSettings, override: Partial<MethodSettings> | undefined): boolean {
  return override?.cachingEnabled ?? settings.cachingEnabled;
}

/**
 * Endpoint caching stores whole responses, which a streamed response never is: a stage that caches a
 * streaming method (through its stage-wide settings or the method's override) caches nothing for it.
 */
export const streamingWithCaching = defineDesignRule({
  id: 'streaming-with-caching',
  severity: 'warning',
  title: 'A streamed response is not cached',
  why: 'With response transfer mode STREAM, API Gateway passes the integration response to the client as it arrives and supports nothing that needs the whole response first, endpoint caching included. Turn caching off for the method on that stage, or let the method buffer its response if it must be cached.',
  docsUrl: guide('response-transfer-mode'),
  reads: ['api', 'methods', 'resources', 'stages', 'stageOrder'],
  operationFields: (owner) => [...labelFields(owner), owner.integration?.responseTransferMode],
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    const streaming = (index.values(design.methods) as Method[]).filter((method) => method.integration?.responseTransferMode === 'STREAM');
    if (streaming.length === 0) return;
    for (const stageId of design.stageOrder) {
      const stage = design.stages[stageId];
      if (!stage) continue;
      for (const method of streaming) {
        const override = stage.methodOverrides[method.id as MethodId];
        if (!caches(stage.methodSettings, override)) continue;
        report({
          message: `${capitalized(index.label(method, design.resources))} streams its response, so stage ${stage.name} cannot cache it.`,
          target: { kind: 'method', id: method.id },
          fix: {
            label: `Turn caching off for it on stage ${stage.name}`,
            apply: (d) => setMethodOverride(d, stage.id, method.id, { ...override, cachingEnabled: false }),
          },
        });
      }
    }
  },
});
