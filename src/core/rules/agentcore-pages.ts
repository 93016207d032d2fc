import { guide } from './describe';

/**
 * Where AWS says what an Amazon Bedrock AgentCore Gateway target needs of a REST API stage: API Gateway's
 * own page, and the AgentCore Developer Guide's page on API Gateway targets.
 */
export const agentCorePages = {
  apiGateway: guide('mcp-server'),
  agentCore: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-target-api-gateway.html',
} as const;
