import {
  addAuthorizer,
  addIntegration,
  addRoute,
  addStage,
  autoLayout,
  connectAuthorizer,
  connectIntegration,
  type Design,
  emptyDesign,
  updateApi,
  updateAuthorizer,
  updateIntegration,
  updateRoute,
} from '../model';
import { build, ids } from './build';

/**
 * A WebSocket chat: clients are authorized once, on `$connect`, by a Lambda REQUEST authorizer reading
 * a token from the query string (browsers cannot set headers on a WebSocket); messages are routed on
 * `$request.body.action`, and anything unmatched goes to `$default`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export function webSocketChat(): Design {
  const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:chat-${name}`;
  return autoLayout(
    build(
      emptyDesign('WEBSOCKET', 'Chat'),
      (d) => updateApi(d, { description: 'A chat room: connect with a token, then send {"action": "sendMessage", "text": "…"}.' }),
      (d) => addRoute(d, { routeKey: '$connect', id: ids.rte('connect') }),
      (d) => addRoute(d, { routeKey: '$disconnect', id: ids.rte('disconnect') }),
      (d) => addRoute(d, { routeKey: '$default', id: ids.rte('default') }),
      (d) => addRoute(d, { routeKey: 'sendMessage', id: ids.rte('send') }),
      (d) => updateRoute(d, ids.rte('connect'), { summary: 'Join the room' }),
      (d) => updateRoute(d, ids.rte('disconnect'), { summary: 'Leave the room' }),
      (d) => updateRoute(d, ids.rte('default'), { summary: 'Explain the message format', returnResponse: true }),
      (d) => updateRoute(d, ids.rte('send'), { summary: 'Send a message to everyone in the room' }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('connect'), name: 'Connect function' }),
      (d) => updateIntegration(d, ids.int('connect'), { functionArn: lambda('connect') }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('disconnect'), name: 'Disconnect function' }),
      (d) => updateIntegration(d, ids.int('disconnect'), { functionArn: lambda('disconnect') }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('default'), name: 'Default function' }),
      (d) => updateIntegration(d, ids.int('default'), { functionArn: lambda('default') }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('send'), name: 'Send message function' }),
      (d) => updateIntegration(d, ids.int('send'), { functionArn: lambda('send-message') }),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('token'), name: 'TokenInQuery' }),
      (d) =>
        updateAuthorizer(d, ids.auth('token'), {
          identitySource: 'route.request.querystring.token',
          functionArn: lambda('authorizer'),
        }),
      (d) => connectIntegration(d, ids.rte('connect'), ids.int('connect')),
      (d) => connectIntegration(d, ids.rte('disconnect'), ids.int('disconnect')),
      (d) => connectIntegration(d, ids.rte('default'), ids.int('default')),
      (d) => connectIntegration(d, ids.rte('send'), ids.int('send')),
      (d) => connectAuthorizer(d, ids.rte('connect'), ids.auth('token')),
      (d) => addStage(d, { name: 'production', id: ids.stg('production') }),
    ),
  );
}
