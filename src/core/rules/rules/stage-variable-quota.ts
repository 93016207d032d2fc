import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const quota = 100;

/** A stage holds at most 100 stage variables; this quota cannot be raised. */
export const stageVariableQuota = defineDesignRule({
  id: 'stage-variable-quota',
  severity: 'error',
  title: 'More than 100 stage variables',
  why: 'Stage variables are name-value pairs a stage passes to integrations, mapping templates and authorizers. A stage holds at most 100 of them, and the quota cannot be raised: keep configuration in fewer variables or in the backend.',
  docsUrl: guide('limits'),
  reads: ['stages'],
  check(design, _index, report) {
    for (const stage of Object.values(design.stages)) {
      const count = Object.keys(stage.variables).length;
      if (count > quota)
        report({
          message: `Stage ${stage.name} has ${count} stage variables; a stage holds at most ${quota}.`,
          target: { kind: 'stage', id: stage.id },
        });
    }
  },
});
