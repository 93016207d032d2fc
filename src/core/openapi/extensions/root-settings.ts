import { type ApiSettings, apiKeySources, isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { cloneJson, stringList } from '../json-access';

/**
 * The document-root extensions that are one setting of the API each.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
export const apiKeySourceKey = 'x-amazon-apigateway-api-key-source';
export const binaryMediaTypesKey = 'x-amazon-apigateway-binary-media-types';
export const minimumCompressionSizeKey = 'x-amazon-apigateway-minimum-compression-size';
export const policyKey = 'x-amazon-apigateway-policy';
export const documentationKey = 'x-amazon-apigateway-documentation';
export const securityPolicyKey = 'x-amazon-apigateway-security-policy';
export const endpointAccessModeKey = 'x-amazon-apigateway-endpoint-access-mode';
export const importExportVersionKey = 'x-amazon-apigateway-importexport-version';

/** Largest minimum compression size, 10 MiB (DG api-gateway-openapi-minimum-compression-size.html). */
const maxCompressionSize = 10_485_760;

/** Reads one root setting into `api`; returns a note when the value had to be kept as written (or was adjusted). */
export function readRootSetting(key: string, value: JsonValue, api: ApiSettings): { kept: boolean; note?: string } {
  switch (key) {
    case apiKeySourceKey:
      if (typeof value === 'string' && (apiKeySources as readonly string[]).includes(value)) {
        api.apiKeySource = value as ApiSettings['apiKeySource'];
        return { kept: false };
      }
      return { kept: true, note: `${key} should be HEADER or AUTHORIZER; it was kept as written.` };
    case binaryMediaTypesKey: {
      if (typeof value === 'string') {
        api.binaryMediaTypes = [value];
        return { kept: false, note: `${key} should be a list; the single media type "${value}" is written as a list.` };
      }
      const list = stringList(value);
      if (list) {
        api.binaryMediaTypes = list;
        return { kept: false };
      }
      return { kept: true, note: `${key} should be a list of media types; it was kept as written.` };
    }
    case minimumCompressionSizeKey:
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxCompressionSize) {
        api.minimumCompressionSize = value;
        return { kept: false };
      }
      return { kept: true, note: `${key} should be a whole number of bytes from 0 to ${maxCompressionSize}; it was kept as written.` };
    case policyKey:
      if (isJsonObject(value)) {
        api.policy = cloneJson(value);
        return { kept: false };
      }
      return { kept: true, note: `${key} should be an IAM policy document (an object); it was kept as written.` };
    case documentationKey:
      api.documentation = cloneJson(value);
      return { kept: false };
    case securityPolicyKey:
      if (typeof value === 'string') {
        api.securityPolicy = value;
        return { kept: false };
      }
      return { kept: true, note: `${key} should be text; it was kept as written.` };
    case endpointAccessModeKey:
      if (typeof value === 'string') {
        api.endpointAccessMode = value;
        return { kept: false };
      }
      return { kept: true, note: `${key} should be text; it was kept as written.` };
    default:
      return { kept: true };
  }
}

/** Whether a TLS security policy is one of the enhanced ones, which need an endpoint access mode (DG apigateway-security-policies.html). */
export function isEnhancedSecurityPolicy(policy: string | undefined): boolean {
  return policy?.startsWith('SecurityPolicy_') === true;
}

/** Writes the root settings that differ from API Gateway's defaults, in a fixed order. */
export function writeRootSettings(api: ApiSettings, out: JsonObject, notes: Set<string>): void {
  if (api.apiKeySource !== 'HEADER') out[apiKeySourceKey] = api.apiKeySource;
  if (api.binaryMediaTypes.length > 0) out[binaryMediaTypesKey] = [...api.binaryMediaTypes];
  if (api.minimumCompressionSize !== undefined) out[minimumCompressionSizeKey] = api.minimumCompressionSize;
  if (api.policy !== undefined) out[policyKey] = cloneJson(api.policy);
  if (api.documentation !== undefined) out[documentationKey] = cloneJson(api.documentation);
  if (api.securityPolicy !== undefined) out[securityPolicyKey] = api.securityPolicy;
  const accessMode = api.endpointAccessMode ?? (isEnhancedSecurityPolicy(api.securityPolicy) ? 'STRICT' : undefined);
  if (api.endpointAccessMode === undefined && accessMode !== undefined)
    notes.add(`The security policy ${api.securityPolicy} needs an endpoint access mode; STRICT was written.`);
  if (accessMode !== undefined) out[endpointAccessModeKey] = accessMode;
}
