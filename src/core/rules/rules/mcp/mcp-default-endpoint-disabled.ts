import { updateApi } from '../../../model';
import { agentCorePages } from '../../agentcore-pages';
import { defineDesignRule } from '../../rule';

/** AgentCore Gateway calls the stage at its default execute-api endpoint, which must stay on. */
export const mcpDefaultEndpointDisabled = defineDesignRule({
  id: 'mcp-default-endpoint-disabled',
  group: 'mcp',
  severity: 'info',
  title: 'The default endpoint is off, which an MCP target needs',
  why: 'Amazon Bedrock AgentCore Gateway calls a REST API stage at its default execute-api endpoint, not through a custom domain name. A stage of an API whose default endpoint is turned off cannot be added as a target.',
  docsUrl: agentCorePages.apiGateway,
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type !== 'REST' || !design.api.disableExecuteApiEndpoint) return;
    report({
      message: 'The default execute-api endpoint is turned off, so no stage can be an AgentCore Gateway target.',
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Turn the default endpoint back on', apply: (d) => updateApi(d, { disableExecuteApiEndpoint: false }) },
    });
  },
});
