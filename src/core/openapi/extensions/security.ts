import { type Authorizer, type AuthorizerId, isJsonObject, type JsonObject, type JsonValue } from '../../model';
import type { NoteSeverity } from '../types';
import { apiKeySchemeName, authKey } from './authorizer';

/**
 * The OpenAPI `security` requirement of an operation. API Gateway reads each entry as one requirement
 * and applies them all: `[{"MyPool": ["scope"]}, {"api_key": []}]` is "Cognito with this scope, and an
 * API key" (DG api-key-usage-plan-oas.html), although OpenAPI reads the list as alternatives.
 *
 * What a scheme name stands for: an authorizer, the API key requirement, or a scheme that exists but
 * could not be imported (with the reason, so that an operation requiring it says why it is less
 * protected than written).
 */
export type SchemeRole = { role: 'authorizer'; id: AuthorizerId } | { role: 'apiKey' } | { role: 'unusable'; reason: string };

/**
 * The security schemes of a document with its document-level `security`: OpenAPI applies that to every
 * operation that has no `security` of its own (an operation's `security: []` means none). API Gateway's
 * importer ignores it (DG api-gateway-known-issues.html), which leaves methods open that the document
 * meant to protect; Portico reads the document as OpenAPI defines it, so security is never weakened.
 */
export class DocumentSecurity extends Map<string, SchemeRole> {
  constructor(readonly defaultRequirement?: JsonValue) {
    super();
  }
}

export interface SecurityReading {
  authorizerId?: AuthorizerId;
  scopes: string[];
  apiKeyRequired: boolean;
  /** Whether the requirement read is the document-level one (the operation has no `security`). */
  fromDocument: boolean;
  notes: string[];
  /**
   * The severity of each note that is not a warning: 'error' when a requirement could not be honoured
   * (the operation is less protected than the document says), 'info' for the record.
   */
  severities: Map<string, NoteSeverity>;
}

/** The scheme name SAM writes for "no authorizer" on one operation when the API has a default one. */
const samNone = 'NONE';

export function readSecurity(
  value: JsonValue | undefined,
  schemes: ReadonlyMap<string, SchemeRole> & { readonly defaultRequirement?: JsonValue },
): SecurityReading {
  const fromDocument = value === undefined && schemes.defaultRequirement !== undefined;
  const requirement = value === undefined ? schemes.defaultRequirement : value;
  const reading: SecurityReading = { scopes: [], apiKeyRequired: false, fromDocument, notes: [], severities: new Map() };
  const note = (message: string, severity?: NoteSeverity) => {
    reading.notes.push(message);
    if (severity !== undefined) reading.severities.set(message, severity);
  };
  const where = fromDocument ? 'The document-level "security"' : '"security"';
  if (requirement === undefined) return reading;
  if (!Array.isArray(requirement)) {
    note(`${where} is not a list; it was ignored, so the operation has no authorization.`, 'error');
    return reading;
  }
  let anonymous = false;
  for (const entry of requirement) {
    if (!isJsonObject(entry)) {
      note(`${where} holds an entry that is not an object; it was ignored.`, 'error');
      continue;
    }
    if (Object.keys(entry).length === 0) anonymous = true;
    for (const [name, scopes] of Object.entries(entry)) {
      const role = schemes.get(name);
      if (!role || role.role === 'unusable') {
        if (name === samNone && !role)
          note('The requirement "NONE" (a SAM convention for "no authorizer") is read as no authorization.', 'info');
        else if (!role)
          note(
            `The security scheme "${name}" is not defined, so API Gateway cannot apply it; the operation was imported without that requirement.`,
            'error',
          );
        else
          note(
            `The security scheme "${name}" could not be imported (${role.reason}); the operation was imported without that requirement.`,
            'error',
          );
        continue;
      }
      if (role.role === 'apiKey') reading.apiKeyRequired = true;
      else if (reading.authorizerId === undefined) {
        reading.authorizerId = role.id;
        reading.scopes = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
      } else if (reading.authorizerId !== role.id)
        note(
          `Only one authorizer per operation is kept; "${name}" was left out (API Gateway applies one authorizer per method or route, and an HTTP API refuses several).`,
          'error',
        );
    }
  }
  if (anonymous && (reading.authorizerId !== undefined || reading.apiKeyRequired))
    note(
      `${where} also allows anonymous calls (an empty requirement {}), which API Gateway cannot express; the other requirements apply to every call.`,
    );
  return reading;
}

/**
 * The `security` list (and the operation-level `x-amazon-apigateway-auth` for IAM authorizers imported
 * that way) for a method or route.
 */
export function writeSecurity(
  owner: { authorizerId?: AuthorizerId; authorizationScopes: string[]; apiKeyRequired: boolean },
  authorizers: Record<AuthorizerId, Authorizer>,
  apiType: 'REST' | 'HTTP',
  apiKeyScheme: string = apiKeySchemeName,
): { security?: JsonObject[]; auth?: JsonValue } {
  const security: JsonObject[] = [];
  let auth: JsonValue | undefined;
  const authorizer =
    owner.authorizerId !== undefined && Object.hasOwn(authorizers, owner.authorizerId) ? authorizers[owner.authorizerId] : undefined;
  if (authorizer) {
    const marker = authorizer.extensions?.[authKey];
    if (authorizer.kind === 'IAM' && marker !== undefined) auth = marker;
    else security.push({ [authorizer.name]: [...owner.authorizationScopes] });
  }
  if (owner.apiKeyRequired && apiType === 'REST') security.push({ [apiKeyScheme]: [] });
  return { ...(security.length > 0 ? { security } : {}), ...(auth === undefined ? {} : { auth }) };
}
