import { type Authorizer, type AuthorizerId, isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { apiKeySchemeName, authKey } from './authorizer';

/**
 * The OpenAPI `security` requirement of an operation. API Gateway reads each entry as one requirement
 * and applies them all: `[{"MyPool": ["scope"]}, {"api_key": []}]` is "Cognito with this scope, and an
 * API key" (DG api-key-usage-plan-oas.html), although OpenAPI reads the list as alternatives.
 */
export type SchemeRole = { role: 'authorizer'; id: AuthorizerId } | { role: 'apiKey' };

export interface SecurityReading {
  authorizerId?: AuthorizerId;
  scopes: string[];
  apiKeyRequired: boolean;
  notes: string[];
}

export function readSecurity(value: JsonValue | undefined, schemes: ReadonlyMap<string, SchemeRole>): SecurityReading {
  const reading: SecurityReading = { scopes: [], apiKeyRequired: false, notes: [] };
  if (value === undefined) return reading;
  if (!Array.isArray(value)) {
    reading.notes.push('"security" is not a list; it was ignored.');
    return reading;
  }
  for (const entry of value) {
    if (!isJsonObject(entry)) continue;
    for (const [name, scopes] of Object.entries(entry)) {
      const role = schemes.get(name);
      if (!role) {
        reading.notes.push(
          name === 'NONE'
            ? 'The requirement "NONE" (a SAM convention for "no authorizer") is read as no authorization.'
            : `The security scheme "${name}" is not defined (or could not be imported); the requirement was left out.`,
        );
        continue;
      }
      if (role.role === 'apiKey') reading.apiKeyRequired = true;
      else if (reading.authorizerId === undefined) {
        reading.authorizerId = role.id;
        reading.scopes = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
      } else if (reading.authorizerId !== role.id)
        reading.notes.push(
          `Only one authorizer per operation is kept; "${name}" was left out (API Gateway applies one authorizer per method).`,
        );
    }
  }
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
