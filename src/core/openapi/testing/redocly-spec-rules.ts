import { type Config, createConfig, lintFromString } from '@redocly/openapi-core';
import type { JsonObject } from '../../model';
import { stringifyDocument } from '../stringify';

/**
 * Redocly openapi-core as a second validator beside the official JSON Schemas (official-schemas.ts):
 * its `minimal` ruleset (the `struct` and `no-unresolved-refs` checks) plus the rules of its
 * `recommended` ruleset whose findings break a MUST of the OpenAPI specification that a JSON Schema
 * cannot express, each with the sentence it enforces. The rest of `recommended` is not used: its other
 * errors are style (an operation summary, URL-safe operationIds, trailing slashes) or judge the user's
 * own schemas (`no-enum-type-mismatch`), which Portico carries as the user wrote them; deployed
 * documents do not follow them, and API Gateway does not need them. `security-defined` is not used
 * either: it asks every operation to be protected, which the specification does not (a security
 * requirement naming an undeclared scheme is checked by `unresolvedReferences` instead). Nor is
 * `spec-components-invalid-map-name` (component keys match ^[a-zA-Z0-9.\-_]+$): API Gateway names each
 * authorizer after its security scheme's key and allows names such as "My authorizer" (its own exports
 * write them so); renaming the key would rename the deployed authorizer.
 */
export const specRules: Record<string, 'error'> = {
  // "Templated paths with the same hierarchy but different templated names MUST NOT exist as they are identical."
  'no-identical-paths': 'error',
  // "The id MUST be unique among all operations described in the API."
  'operation-operationId-unique': 'error',
  // Parameters: "The list MUST NOT include duplicated parameters."
  'operation-parameters-unique': 'error',
  // Path templating: "Each template expression in the path MUST correspond to a path parameter", and a
  // path parameter's name "MUST correspond to a template expression occurring within the path".
  'path-parameters-defined': 'error',
  // A path template with an empty `{}` names no parameter.
  'path-declaration-must-exist': 'error',
  // Paths Object: "Query string parameters MUST NOT be included in paths."
  'path-not-include-query': 'error',
  // Example Object: "The value field and externalValue field are mutually exclusive."
  'no-example-value-and-externalValue': 'error',
  // Server Object: a `{name}` of the URL is substituted from `variables`; one without a value cannot be.
  'no-undefined-server-variable': 'error',
};

let config: Promise<Config> | undefined;

/**
 * API Gateway's greedy path variable `{proxy+}` is declared as the path parameter `proxy` (API Gateway's
 * own exports do so, and its importer maps `method.request.path.proxy`); Redocly reads no template in
 * `{proxy+}` and reports `proxy` as unused. That finding, and only that one, is not an error here.
 */
function isGreedyVariableFinding(ruleId: string, message: string): boolean {
  const match = /^Path parameter `([^`]+)` is not used in the path `([^`]*)`/.exec(message);
  return ruleId === 'path-parameters-defined' && match !== null && (match[2] as string).includes(`{${match[1]}+}`);
}

/** Redocly's errors for the document, one line each (`rule: message at pointer`); none when valid. */
export async function redoclyErrors(document: JsonObject): Promise<string[]> {
  config ??= createConfig({ extends: ['minimal'], rules: specRules });
  const problems = await lintFromString({
    source: stringifyDocument(document, 'json'),
    absoluteRef: '/portico/export.json',
    config: await config,
  });
  return problems
    .filter((problem) => problem.severity === 'error' && !isGreedyVariableFinding(problem.ruleId, problem.message))
    .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
}
