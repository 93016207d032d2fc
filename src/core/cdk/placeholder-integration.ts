import { isJsonObject, type JsonObject } from '../model';
import { type Code, call, exact, obj, raw } from './code';
import type { ProgramContext } from './context';
import { commentText, propertyKey } from './literals';

/**
 * The integration of an operation that has none yet (or one its API type cannot have): the program still
 * writes the method or route, with a placeholder integration marked `// TODO` and a note, so that it
 * has every operation of the design and deploys. API Gateway cannot deploy a REST method without an
 * integration, and the CDK needs one for every HTTP and WebSocket route; leaving the operation out would
 * silently shrink the API.
 * - REST APIs: a Mock integration that answers 501 Not Implemented with a JSON body.
 * - WebSocket APIs: a Mock integration that accepts messages and does nothing.
 * - HTTP APIs have no mock integration: an HTTP proxy to a placeholder URL on a `.invalid` host, which
 *   never resolves (RFC 2606), declared at the top of the stack for the user to replace.
 */

/** HTTP 501: the server does not support the functionality required (RFC 9110 §15.6.2). */
export const notImplementedStatus = '501';

const responseBody = '{"message": "Not Implemented: the integration of this operation is not designed yet."}';

/** The construct id and variable name hint of the one placeholder integration a program declares. */
const placeholderName = 'integration not designed';

/** Why an operation has the placeholder. */
export type PlaceholderReason =
  | { kind: 'none' }
  /** The design's integration is one this API type cannot have (said in the integration's own note). */
  | { kind: 'unsupported' };

/** `apigateway.MockIntegration` answering 501 to every request (the default integration response). */
export function restPlaceholderIntegration(): Code {
  return call(
    'new apigateway.MockIntegration',
    obj([
      ['requestTemplates', obj([[propertyKey('application/json'), exact(`{"statusCode": ${notImplementedStatus}}`)]])],
      [
        'integrationResponses',
        {
          kind: 'array',
          items: [
            obj([
              ['statusCode', exact(notImplementedStatus)],
              ['responseTemplates', obj([[propertyKey('application/json'), exact(responseBody)]])],
            ]),
          ],
        },
      ],
    ]),
  );
}

/**
 * A WebSocket Mock integration that accepts each message (and a connection, on `$connect`) and does
 * nothing: WebSocket routes answer only through route responses, so a 501 would reach no one.
 */
export function webSocketPlaceholderIntegration(ctx: ProgramContext, id: string): Code {
  return call(
    `new ${ctx.use('integrations')}.WebSocketMockIntegration`,
    exact(id),
    obj([['requestTemplates', obj([['$default', exact('{"statusCode": 200}')]])]]),
  );
}

/** An HTTP API route's placeholder: an HTTP proxy to a URL the user replaces, declared with the backends. */
export function httpPlaceholderIntegration(ctx: ProgramContext, id: string): Code {
  const url = ctx.backends.value(exact('https://integration-not-designed.invalid'), placeholderName, 'Url');
  return call(`new ${ctx.use('integrations')}.HttpUrlIntegration`, exact(id), raw(url));
}

/** The `// TODO` line above an operation with the placeholder, naming the operation when its text is safe in a comment. */
export function todoComment(operation: string, reason: PlaceholderReason, answer: string): string {
  const named = commentText(operation);
  const what = named === undefined ? 'this operation' : named;
  return reason.kind === 'none'
    ? `// TODO: design the integration of ${what}; until then a placeholder ${answer}.`
    : `// TODO: give ${what} an integration this API type supports; until then a placeholder ${answer}.`;
}

/** One note for every operation given the placeholder, naming the first few. */
export function notePlaceholders(ctx: ProgramContext, operations: string[], what: string, answer: string): void {
  if (operations.length === 0) return;
  const shown = operations.slice(0, 5).map((operation) => `"${operation.length > 60 ? `${operation.slice(0, 57)}…` : operation}"`);
  const list = operations.length > shown.length ? `${shown.join(', ')} and ${operations.length - shown.length} more` : shown.join(', ');
  ctx.note(
    `${operations.length === 1 ? `${what} ${list} has` : `${operations.length} ${what}s (${list}) have`} no integration the program can write, so ${operations.length === 1 ? 'it gets' : 'each gets'} a placeholder that ${answer}, marked // TODO: design ${operations.length === 1 ? 'its integration' : 'their integrations'}.`,
  );
}

const verbKeys: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};
const integrationKey = 'x-amazon-apigateway-integration';

/**
 * A SpecRestApi's OpenAPI document with the placeholder on every operation that has no
 * `x-amazon-apigateway-integration` (API Gateway imports such a method but refuses to deploy it), and
 * the 501 method response it needs. The document given is not changed; the operations given the
 * placeholder are listed (`GET /pets`).
 */
export function withPlaceholderIntegrations(document: JsonObject): { document: JsonObject; operations: string[] } {
  const paths = document.paths;
  const operations: string[] = [];
  if (!isJsonObject(paths)) return { document, operations };
  const newPaths: JsonObject = { ...paths };
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    let newItem: JsonObject | undefined;
    for (const [key, operation] of Object.entries(item)) {
      const verb = Object.hasOwn(verbKeys, key) ? verbKeys[key] : undefined;
      if (verb === undefined || !isJsonObject(operation) || Object.hasOwn(operation, integrationKey)) continue;
      newItem ??= { ...item };
      const responses = isJsonObject(operation.responses) ? operation.responses : {};
      newItem[key] = {
        ...operation,
        responses: Object.hasOwn(responses, notImplementedStatus)
          ? responses
          : { ...responses, [notImplementedStatus]: { description: 'Not Implemented: the integration is not designed yet.' } },
        [integrationKey]: {
          type: 'mock',
          requestTemplates: { 'application/json': `{"statusCode": ${notImplementedStatus}}` },
          passthroughBehavior: 'when_no_match',
          responses: { default: { statusCode: notImplementedStatus, responseTemplates: { 'application/json': responseBody } } },
        },
      };
      operations.push(`${verb} ${path}`);
    }
    if (newItem) newPaths[path] = newItem;
  }
  return operations.length === 0 ? { document, operations } : { document: { ...document, paths: newPaths }, operations };
}
