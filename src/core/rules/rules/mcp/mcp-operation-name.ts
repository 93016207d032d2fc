import { type Design, type Method, type MethodId, type Route, updateMethod } from '../../../model';
import { agentCorePages } from '../../agentcore-pages';
import { capitalized, isRoute } from '../../describe';
import { defineOperationRule } from '../../rule';

/** `get` + the path's words: `GET /pets/{petId}` → `getPetsByPetId`. */
export function suggestedOperationName(httpMethod: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const parameter = /^\{([^{}+]+)\+?\}$/.exec(segment)?.[1];
      const text = (parameter ?? segment).replace(/[^A-Za-z0-9]+(.)?/g, (_all, next: string | undefined) => (next ?? '').toUpperCase());
      const word = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
      return parameter ? `By${word}` : word;
    });
  const verb = httpMethod === 'ANY' ? 'any' : httpMethod.toLowerCase();
  return `${verb}${words.join('') || 'Root'}`;
}

/** `base`, or `base2`, `base3`… whichever no method or route of the design uses. */
function freeOperationName(design: Design, base: string): string {
  const taken = new Set<string>();
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)] as (Method | Route)[])
    if (owner.operationName) taken.add(owner.operationName);
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}${suffix}`)) suffix += 1;
  return `${base}${suffix}`;
}

/** The operation name is the MCP tool's name; AgentCore Gateway needs one for every method. */
export const mcpOperationName = defineOperationRule({
  id: 'mcp-operation-name',
  group: 'mcp',
  severity: 'info',
  title: 'A method without an operation name cannot become an MCP tool',
  why: 'Amazon Bedrock AgentCore Gateway makes one MCP tool of each method of the stage and names the tool after the method’s operation name (the OpenAPI operationId); the operation’s description becomes the tool’s description. A method without an operation name needs a name override on the target, or it cannot be added.',
  docsUrl: agentCorePages.apiGateway,
  check(owner, context, report) {
    if (isRoute(owner) || context.apiType !== 'REST' || owner.operationName) return;
    const path = context.path ?? '/';
    report({
      message: `${capitalized(context.label)} has no operation name, which AgentCore Gateway uses as the MCP tool name.`,
      target: { kind: 'method', id: owner.id },
      fix: {
        label: 'Name the operation',
        apply: (design) =>
          updateMethod(design, owner.id as MethodId, {
            operationName: freeOperationName(design, suggestedOperationName(owner.httpMethod, path)),
          }),
      },
    });
  },
});
