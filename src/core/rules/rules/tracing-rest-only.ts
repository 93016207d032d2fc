import { updateStage } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** AWS X-Ray tracing is a REST stage setting; a design switched from REST keeps it. */
export const tracingRestOnly = defineDesignRule({
  id: 'tracing-rest-only',
  severity: 'error',
  title: 'X-Ray tracing exists only on REST APIs',
  why: 'A REST API stage can send traces of each request to AWS X-Ray. HTTP and WebSocket stages have no tracing setting; use access logs and metrics there.',
  docsUrl: guide('apigateway-xray'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type === 'REST') return;
    for (const stage of Object.values(design.stages))
      if (stage.tracingEnabled)
        report({
          message: `Stage ${stage.name} has X-Ray tracing on, but only REST API stages can trace.`,
          target: { kind: 'stage', id: stage.id },
          fix: { label: 'Turn tracing off', apply: (d) => updateStage(d, stage.id, { tracingEnabled: false }) },
        });
  },
});
