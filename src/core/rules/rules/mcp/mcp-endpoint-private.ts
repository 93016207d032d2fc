import { agentCorePages } from '../../agentcore-pages';
import { defineDesignRule } from '../../rule';

/** AgentCore Gateway calls the stage over the internet: a private API is out of its reach. */
export const mcpEndpointPrivate = defineDesignRule({
  id: 'mcp-endpoint-private',
  group: 'mcp',
  severity: 'info',
  title: 'A private API cannot be an MCP target',
  why: 'Amazon Bedrock AgentCore Gateway turns the methods of a REST API stage into MCP tools and calls them through the API’s public endpoint. Only Regional and edge-optimized REST APIs can be targets; a private API, reachable only through VPC endpoints, cannot.',
  docsUrl: agentCorePages.agentCore,
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type !== 'REST' || design.api.endpointType !== 'PRIVATE') return;
    report({
      message: 'The API is private, so no stage of it can be an AgentCore Gateway target: MCP clients reach only public REST APIs.',
      target: { kind: 'api', id: 'api' },
    });
  },
});
