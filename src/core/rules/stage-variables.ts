import type { IntegrationBinding } from '../model';

/**
 * Stage variables are referred to as `${stageVariables.name}` in integration URIs, ARNs and credentials,
 * `$stageVariables.name` in mapping templates and `stageVariables.name` in parameter mappings and identity
 * sources; one pattern finds all three.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/aws-api-gateway-stage-variables-reference.html
 */
const reference = /stageVariables\.([A-Za-z0-9_]+)/g;

/** Adds the stage variable names referred to anywhere in a value (strings, or CloudFormation intrinsics) to `into`. */
export function stageVariablesIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (!value.includes('stageVariables.')) return;
    for (const match of value.matchAll(reference)) into.add(match[1] as string);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) stageVariablesIn(item, into);
}

/** The stage variables one method's or route's integration settings refer to. */
export function bindingStageVariables(binding: IntegrationBinding | undefined): readonly string[] {
  if (!binding) return none;
  let names: Set<string> | undefined;
  const scan = (record: Readonly<Record<string, unknown>>) => {
    for (const key in record) {
      const value = record[key];
      // Most values are plain strings without a reference: test before allocating anything.
      if (typeof value === 'string' && !value.includes('stageVariables.')) continue;
      names ??= new Set();
      stageVariablesIn(value, names);
    }
  };
  scan(binding.requestParameters);
  scan(binding.requestTemplates);
  for (const response of binding.responses) {
    scan(response.responseParameters);
    scan(response.responseTemplates);
  }
  if (binding.responseParameters) scan(binding.responseParameters);
  return names && names.size > 0 ? [...names] : none;
}

const none: readonly string[] = [];
