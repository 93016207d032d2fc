import { updateStage } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Canary releases split a REST stage's traffic; a design switched from REST keeps the canary settings. */
export const canaryRestOnly = defineDesignRule({
  id: 'canary-rest-only',
  severity: 'error',
  title: 'Canary releases exist only on REST APIs',
  why: "A canary sends a percentage of a REST stage's traffic to a new deployment, with its own stage variable values, until you promote it. HTTP and WebSocket stages have no canary settings.",
  docsUrl: guide('canary-release'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type === 'REST') return;
    for (const stage of Object.values(design.stages))
      if (stage.canary)
        report({
          message: `Stage ${stage.name} has canary settings, but only REST API stages have canary releases.`,
          target: { kind: 'stage', id: stage.id },
          fix: { label: 'Remove the canary settings', apply: (d) => updateStage(d, stage.id, { canary: undefined }) },
        });
  },
});
