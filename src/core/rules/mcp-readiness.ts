import type { Design } from '../model';
import type { Finding, Rule } from './rule';
import { mcpAuthorizerUnreachable } from './rules/mcp/mcp-authorizer-unreachable';
import { mcpDefaultEndpointDisabled } from './rules/mcp/mcp-default-endpoint-disabled';
import { mcpEndpointPrivate } from './rules/mcp/mcp-endpoint-private';
import { mcpIamAndApiKey } from './rules/mcp/mcp-iam-and-api-key';
import { mcpNoStage } from './rules/mcp/mcp-no-stage';
import { mcpOperationName } from './rules/mcp/mcp-operation-name';
import { mcpProxyResource } from './rules/mcp/mcp-proxy-resource';

/**
 * The MCP readiness group: whether a stage of this REST API can become an Amazon Bedrock AgentCore Gateway
 * target, and which of its methods would become MCP tools. These rules do not say that API Gateway would
 * refuse anything, so they are not part of the design's problems (`rules`): the Problems panel runs them in
 * a section of their own.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/mcp-server.html
 */
export const mcpRules: readonly Rule[] = [
  mcpEndpointPrivate,
  mcpDefaultEndpointDisabled,
  mcpNoStage,
  mcpOperationName,
  mcpProxyResource,
  mcpIamAndApiKey,
  mcpAuthorizerUnreachable,
];

export const mcpSectionTitle = 'MCP readiness (Amazon Bedrock AgentCore Gateway)';

export interface McpReadiness {
  /** False for HTTP and WebSocket APIs: only REST API stages can be targets. */
  applies: boolean;
  /** The REST API's methods. */
  methods: number;
  /** Methods that would become MCP tools: none while the API itself cannot be a target. */
  tools: number;
  /** Findings about the API as a whole (private, default endpoint off, no stage). */
  blockers: Finding[];
  /** One line: `5 of 7 methods can become MCP tools.` */
  summary: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The readiness of a design, from the findings of `mcpRules` on it. */
export function mcpReadiness(design: Design, findings: readonly Finding[]): McpReadiness {
  if (design.api.type !== 'REST') {
    const type = design.api.type === 'HTTP' ? 'an HTTP API' : 'a WebSocket API';
    return {
      applies: false,
      methods: 0,
      tools: 0,
      blockers: [],
      summary: `Only REST API stages can be AgentCore Gateway targets; this is ${type}.`,
    };
  }
  const methods = Object.keys(design.methods).length;
  const blockers = findings.filter((finding) => finding.target.kind !== 'method');
  const held = new Set(findings.filter((finding) => finding.target.kind === 'method').map((finding) => finding.target.id));
  const tools = blockers.length > 0 ? 0 : methods - [...held].filter((id) => Object.hasOwn(design.methods, id)).length;
  // AgentCore Gateway reads the stage's own export, where internal operations are: only the target's tool
  // filters keep them from MCP clients.
  const internal =
    blockers.length > 0 ? 0 : Object.values(design.methods).filter((method) => method.internal && !held.has(method.id)).length;
  const summary =
    methods === 0
      ? 'The API has no methods yet: each method becomes an MCP tool.'
      : blockers.length > 0
        ? `No stage can be a target yet, so none of the ${plural(methods, 'method', 'methods')} can become an MCP tool.`
        : `${tools} of ${plural(methods, 'method', 'methods')} can become MCP tools.${
            internal > 0
              ? ` ${internal === 1 ? '1 of them is' : `${internal} of them are`} marked internal: leave ${internal === 1 ? 'it' : 'them'} out with the target's tool filters.`
              : ''
          }`;
  return { applies: true, methods, tools, blockers, summary };
}
