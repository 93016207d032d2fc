import type { AuthorizerKind } from '../../../model';
import { agentCorePages } from '../../agentcore-pages';
import { capitalized, isRoute } from '../../describe';
import { defineOperationRule } from '../../rule';

/** Authorizers that check a caller's token, which AgentCore Gateway's outbound authorization never sends. */
const tokenAuthorizers: Partial<Record<AuthorizerKind, string>> = {
  COGNITO_USER_POOLS: 'an Amazon Cognito user pool authorizer',
  LAMBDA_TOKEN: 'a Lambda authorizer',
  LAMBDA_REQUEST: 'a Lambda authorizer',
  JWT: 'a JWT authorizer',
};

/** MCP clients reach a method only through the gateway, which cannot satisfy a token authorizer. */
export const mcpAuthorizerUnreachable = defineOperationRule({
  id: 'mcp-authorizer-unreachable',
  group: 'mcp',
  severity: 'info',
  title: 'A method behind a token authorizer cannot be called by MCP clients',
  why: 'Amazon Bedrock AgentCore Gateway calls a REST API target with its IAM role, an API key, or no authorization. Methods guarded by Amazon Cognito user pool or Lambda authorizers cannot be called by MCP clients through it (AWS says so of both; a JWT authorizer checks a token the gateway does not send either). Use IAM authorization or an API key on the methods agents should call.',
  docsUrl: agentCorePages.apiGateway,
  check(owner, context, report) {
    if (isRoute(owner) || context.apiType !== 'REST' || owner.authorizerId === undefined) return;
    const kind = context.authorizerKinds[owner.authorizerId];
    const described = kind === undefined ? undefined : tokenAuthorizers[kind];
    if (described === undefined) return;
    report({
      message: `${capitalized(context.label)} is guarded by ${described}, so MCP clients cannot call it through AgentCore Gateway.`,
      target: { kind: 'method', id: owner.id },
    });
  },
});
