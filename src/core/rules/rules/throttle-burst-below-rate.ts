import {
  type MethodId,
  type RouteId,
  setMethodOverride,
  setPlanMethodThrottle,
  setRouteOverride,
  updateStage,
  updateUsagePlan,
} from '../../model';
import { guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

function below(rate: number | undefined, burst: number | undefined): boolean {
  return rate !== undefined && burst !== undefined && burst < rate;
}

/** The smallest whole burst that is not below the rate. */
function burstFor(rate: number): number {
  return Math.ceil(rate);
}

/**
 * Throttling is a token bucket: the burst is the bucket's size, the rate how fast it refills. A burst
 * smaller than the rate caps the traffic below the rate, and a burst of 0 refuses every request.
 */
export const throttleBurstBelowRate = defineDesignRule({
  id: 'throttle-burst-below-rate',
  severity: 'warning',
  title: 'Throttling burst below the rate',
  why: "API Gateway throttles with a token bucket: each request takes a token, the bucket refills at the rate (requests per second) and holds at most the burst. With a burst below the rate, a second's worth of traffic never fits in the bucket, so callers are throttled (429) below the rate you set; a burst of 0 throttles every request.",
  docsUrl: guide('api-gateway-request-throttling'),
  reads: ['stages', 'usagePlans', 'methods', 'routes', 'resources'],
  operationFields: labelFields,
  check(design, index, report) {
    for (const stage of Object.values(design.stages)) {
      const defaults = stage.methodSettings;
      if (below(defaults.throttlingRateLimit, defaults.throttlingBurstLimit)) {
        const rate = defaults.throttlingRateLimit as number;
        report({
          message: `Stage ${stage.name} throttles at ${rate} requests per second with a burst of only ${defaults.throttlingBurstLimit}.`,
          target: { kind: 'stage', id: stage.id },
          fix: {
            label: `Set the burst to ${burstFor(rate)}`,
            apply: (d) => {
              const current = d.stages[stage.id];
              return current
                ? updateStage(d, stage.id, { methodSettings: { ...current.methodSettings, throttlingBurstLimit: burstFor(rate) } })
                : d;
            },
          },
        });
      }
      for (const [methodId, override] of Object.entries(stage.methodOverrides)) {
        const method = design.methods[methodId as MethodId];
        if (!method || (override.throttlingRateLimit === undefined && override.throttlingBurstLimit === undefined)) continue;
        const rate = override.throttlingRateLimit ?? defaults.throttlingRateLimit;
        const burst = override.throttlingBurstLimit ?? defaults.throttlingBurstLimit;
        if (!below(rate, burst)) continue;
        report({
          message: `Stage ${stage.name} throttles ${index.label(method, design.resources)} at ${rate} requests per second with a burst of only ${burst}.`,
          target: { kind: 'stage', id: stage.id },
          fix: {
            label: `Set the burst to ${burstFor(rate as number)}`,
            apply: (d) => {
              const current = d.stages[stage.id]?.methodOverrides[method.id];
              return current
                ? setMethodOverride(d, stage.id, method.id, { ...current, throttlingBurstLimit: burstFor(rate as number) })
                : d;
            },
          },
        });
      }
      for (const [routeId, override] of Object.entries(stage.routeOverrides)) {
        const route = design.routes[routeId as RouteId];
        if (!route || (override.throttlingRateLimit === undefined && override.throttlingBurstLimit === undefined)) continue;
        const rate = override.throttlingRateLimit ?? defaults.throttlingRateLimit;
        const burst = override.throttlingBurstLimit ?? defaults.throttlingBurstLimit;
        if (!below(rate, burst)) continue;
        report({
          message: `Stage ${stage.name} throttles ${index.label(route, design.resources)} at ${rate} requests per second with a burst of only ${burst}.`,
          target: { kind: 'stage', id: stage.id },
          fix: {
            label: `Set the burst to ${burstFor(rate as number)}`,
            apply: (d) => {
              const current = d.stages[stage.id]?.routeOverrides[route.id];
              return current ? setRouteOverride(d, stage.id, route.id, { ...current, throttlingBurstLimit: burstFor(rate as number) }) : d;
            },
          },
        });
      }
    }
    for (const plan of Object.values(design.usagePlans)) {
      const throttle = plan.throttle;
      if (throttle && below(throttle.rateLimit, throttle.burstLimit))
        report({
          message: `Usage plan ${plan.name} throttles at ${throttle.rateLimit} requests per second with a burst of only ${throttle.burstLimit}.`,
          target: { kind: 'usagePlan', id: plan.id },
          fix: {
            label: `Set the burst to ${burstFor(throttle.rateLimit)}`,
            apply: (d) => {
              const current = d.usagePlans[plan.id]?.throttle;
              return current ? updateUsagePlan(d, plan.id, { throttle: { ...current, burstLimit: burstFor(current.rateLimit) } }) : d;
            },
          },
        });
      for (const entry of plan.stages)
        for (const [methodId, methodThrottle] of Object.entries(entry.methodThrottles)) {
          const method = design.methods[methodId as MethodId];
          if (!method || !below(methodThrottle.rateLimit, methodThrottle.burstLimit)) continue;
          const stageName = design.stages[entry.stageId]?.name ?? 'a missing stage';
          report({
            message: `Usage plan ${plan.name} throttles ${index.label(method, design.resources)} on stage ${stageName} at ${methodThrottle.rateLimit} requests per second with a burst of only ${methodThrottle.burstLimit}.`,
            target: { kind: 'usagePlan', id: plan.id },
            fix: {
              label: `Set the burst to ${burstFor(methodThrottle.rateLimit)}`,
              apply: (d) => {
                const current = d.usagePlans[plan.id]?.stages.find((item) => item.stageId === entry.stageId)?.methodThrottles[method.id];
                return current
                  ? setPlanMethodThrottle(d, plan.id, entry.stageId, method.id, { ...current, burstLimit: burstFor(current.rateLimit) })
                  : d;
              },
            },
          });
        }
    }
  },
});
