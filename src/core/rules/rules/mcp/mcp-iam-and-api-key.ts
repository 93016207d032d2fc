import { agentCorePages } from '../../agentcore-pages';
import { capitalized, isRoute } from '../../describe';
import { defineOperationRule } from '../../rule';

/** The gateway signs with its role or sends an API key, never both in one call. */
export const mcpIamAndApiKey = defineOperationRule({
  id: 'mcp-iam-and-api-key',
  group: 'mcp',
  severity: 'info',
  title: 'A method needing both IAM and an API key is not an MCP tool',
  why: 'Amazon Bedrock AgentCore Gateway calls a REST API target with one kind of outbound authorization: its IAM role (SigV4), an API key, or none. A method that requires IAM authorization and an API key at once is not supported and is left out of the tools.',
  docsUrl: agentCorePages.agentCore,
  check(owner, context, report) {
    if (isRoute(owner) || context.apiType !== 'REST' || !owner.apiKeyRequired || owner.authorizerId === undefined) return;
    if (context.authorizerKinds[owner.authorizerId] !== 'IAM') return;
    report({
      message: `${capitalized(context.label)} requires IAM authorization and an API key, so AgentCore Gateway leaves it out of its tools.`,
      target: { kind: 'method', id: owner.id },
    });
  },
});
