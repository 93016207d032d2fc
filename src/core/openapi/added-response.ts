import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { own } from './json-access';

/**
 * OpenAPI requires every operation to describe at least one response (3.0 and 2.0 schemas:
 * `responses` "must NOT have fewer than 1 properties"), but API Gateway does not: SAM writes
 * `responses: {}`, and a method or route designed in Portico may describe none. The export then writes
 * one `default` response, marked as Portico's, rather than a `200`:
 * - a `default` response is what AWS's own documents write for an operation they describe nothing of
 *   (api-gateway-swagger-extensions-authtype.md, REST and HTTP alike; HTTP API exports), so the deployed
 *   API gets no method response it did not have;
 * - importing the export again recognises the mark and describes no response, as before: import →
 *   export → import does not drift.
 * A `default` response with any other description, or with headers or content, is the user's own. The
 * export adds no note for it: the response says itself that Portico added it.
 */
export const addedResponseStatus = 'default';
export const addedResponseDescription =
  'Added by Portico: this operation describes no responses, and OpenAPI requires at least one. Importing into Portico removes it.';

export function addedResponses(): JsonObject {
  return { [addedResponseStatus]: { description: addedResponseDescription } };
}

/** Whether an operation's `responses` are exactly what the export writes for an operation that describes none. */
export function isAddedResponses(responses: JsonValue | undefined): boolean {
  if (!isJsonObject(responses)) return false;
  const keys = Object.keys(responses);
  if (keys.length !== 1 || keys[0] !== addedResponseStatus) return false;
  const response = own(responses, addedResponseStatus);
  return isJsonObject(response) && Object.keys(response).length === 1 && own(response, 'description') === addedResponseDescription;
}
