import { apiReference } from '../describe';
import { defineDesignRule } from '../rule';

const namePattern = /^[A-Za-z0-9_]+$/;
const valuePattern = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

/**
 * API Gateway's pattern for stage variables: names are letters, digits and `_` (at most 64 characters),
 * values one or more of `A-Za-z0-9-._~:/?#&=,` (at most 512). `updateStage` checks names and lengths but
 * not the characters of a value.
 */
export const stageVariableFormat = defineDesignRule({
  id: 'stage-variable-format',
  severity: 'error',
  title: 'Stage variable API Gateway would refuse',
  why: 'Stage variable values end up inside URLs, ARNs and mapping templates, so API Gateway accepts only URL-safe text: letters, digits and - . _ ~ : / ? # & = , (no spaces), at most 512 characters; names are letters, digits and underscores, at most 64 characters.',
  docsUrl: apiReference('API_CreateStage'),
  reads: ['stages'],
  check(design, _index, report) {
    for (const stage of Object.values(design.stages))
      for (const [name, value] of Object.entries(stage.variables)) {
        let problem: string | undefined;
        if (!namePattern.test(name) || name.length > 64) problem = 'its name may hold only letters, digits and "_", at most 64 of them';
        else if (value.length === 0) problem = 'it has no value';
        else if (value.length > 512) problem = `its value has ${value.length} characters, more than 512`;
        else if (!valuePattern.test(value)) problem = 'its value holds characters other than letters, digits and - . _ ~ : / ? # & = ,';
        if (problem)
          report({
            message: `Stage ${stage.name} has a stage variable "${name}" that API Gateway would refuse: ${problem}.`,
            target: { kind: 'stage', id: stage.id },
          });
      }
  },
});
