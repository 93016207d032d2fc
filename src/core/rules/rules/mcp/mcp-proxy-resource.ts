import { agentCorePages } from '../../agentcore-pages';
import { capitalized, isRoute } from '../../describe';
import { defineOperationRule } from '../../rule';

/** AgentCore Gateway describes each tool by its path; a greedy `{proxy+}` path describes none. */
export const mcpProxyResource = defineOperationRule({
  id: 'mcp-proxy-resource',
  group: 'mcp',
  severity: 'info',
  title: 'A method under a {proxy+} resource is not an MCP tool',
  why: 'Amazon Bedrock AgentCore Gateway does not support proxy resources such as /pets/{proxy+}: a greedy path variable stands for any number of path levels, which no tool input can describe. Methods under one are left out of the target; give the operations MCP clients should call their own resources.',
  docsUrl: agentCorePages.agentCore,
  check(owner, context, report) {
    if (isRoute(owner) || context.apiType !== 'REST' || !context.path?.includes('+}')) return;
    report({
      message: `${capitalized(context.label)} is under a proxy resource, which AgentCore Gateway leaves out of its tools.`,
      target: { kind: 'method', id: owner.id },
    });
  },
});
