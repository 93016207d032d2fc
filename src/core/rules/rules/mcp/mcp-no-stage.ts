import { agentCorePages } from '../../agentcore-pages';
import { defineDesignRule } from '../../rule';

/** A target is a stage: a REST API that is deployed to none has nothing to add. */
export const mcpNoStage = defineDesignRule({
  id: 'mcp-no-stage',
  group: 'mcp',
  severity: 'info',
  title: 'No stage to add as an MCP target',
  why: 'An Amazon Bedrock AgentCore Gateway target is a stage of a REST API: the gateway reads the stage’s export and calls the stage’s URL. A design without a stage has nothing to add yet.',
  docsUrl: agentCorePages.agentCore,
  reads: ['api', 'stageOrder'],
  check(design, _index, report) {
    if (design.api.type !== 'REST' || design.stageOrder.length > 0) return;
    report({
      message: 'The API has no stage yet: add one (Stages panel) to make it an AgentCore Gateway target.',
      target: { kind: 'api', id: 'api' },
    });
  },
});
