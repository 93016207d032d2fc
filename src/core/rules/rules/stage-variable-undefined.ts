import { type Stage, updateStage } from '../../model';
import { guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';
import { bindingStageVariables, stageVariablesIn } from '../stage-variables';

/**
 * `${stageVariables.name}` is replaced at request time by the value the called stage gives `name`. On a
 * stage that does not define it, the integration URI, ARN or mapping is incomplete and the call fails.
 */
export const stageVariableUndefined = defineDesignRule({
  id: 'stage-variable-undefined',
  severity: 'warning',
  title: 'Stage variable used but not defined on a stage',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax, shown to the user as written.
  why: 'Integration URIs, Lambda ARNs, VPC link ids, credentials, mappings and authorizers can refer to stage variables (${stageVariables.name}), which each stage fills with its own value. A stage that does not define a variable the API uses leaves the reference empty, so calls through it fail (typically 500 Internal Server Error).',
  docsUrl: guide('aws-api-gateway-stage-variables-reference'),
  reads: ['stages', 'stageOrder', 'integrations', 'authorizers', 'methods', 'routes', 'resources'],
  operationFields: (owner) => [...labelFields(owner), ...bindingStageVariables(owner.integration)],
  check(design, index, report) {
    const stages = design.stageOrder.map((id) => design.stages[id]).filter((stage): stage is Stage => stage !== undefined);
    if (stages.length === 0) return;
    /** Variable name → who uses it, as messages name them. */
    const users = new Map<string, string[]>();
    const add = (names: Iterable<string>, user: string) => {
      for (const name of names) {
        const list = users.get(name);
        if (list) list.push(user);
        else users.set(name, [user]);
      }
    };
    for (const target of Object.values(design.integrations)) {
      const { id: _id, name: _name, description: _description, ...settings } = target;
      const names = new Set<string>();
      stageVariablesIn(settings, names);
      add(names, `integration ${target.name}`);
    }
    for (const authorizer of Object.values(design.authorizers)) {
      const names = new Set<string>();
      stageVariablesIn([authorizer.functionArn, authorizer.rawAuthorizerUri, authorizer.credentials, authorizer.identitySource], names);
      add(names, `authorizer ${authorizer.name}`);
    }
    for (const [name, owners] of index.usage(design.methods, design.routes).stageVariables)
      add(
        [name],
        owners.length === 1 ? index.label(owners[0] as (typeof owners)[number], design.resources) : `${owners.length} methods and routes`,
      );
    for (const [name, list] of users) {
      const definedIn = stages.find((stage) => Object.hasOwn(stage.variables, name));
      for (const stage of stages) {
        if (Object.hasOwn(stage.variables, name)) continue;
        const who = list.length === 1 ? list[0] : `${list[0]} and ${list.length - 1} more`;
        const value = definedIn?.variables[name];
        report({
          message: `Stage ${stage.name} does not define the stage variable ${name}, which ${who} ${list.length === 1 ? 'uses' : 'use'}.`,
          target: { kind: 'stage', id: stage.id },
          ...(definedIn && value !== undefined
            ? {
                fix: {
                  label: `Copy ${name} from stage ${definedIn.name}`,
                  apply: (d) => {
                    const current = d.stages[stage.id];
                    return current ? updateStage(d, stage.id, { variables: { ...current.variables, [name]: value } }) : d;
                  },
                },
              }
            : {}),
        });
      }
    }
  },
});
