import {
  type ApiSettings,
  apiExpression,
  apiKeySources,
  containsIntrinsic,
  expressionText,
  isEnhancedPolicy,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  readableText,
  type TextOrIntrinsic,
} from '../../model';
import { writeShortFormsOf } from '../cfn-tags';
import { cloneJson, own, setOwn, stringList } from '../json-access';
import { endpointConfigurationKey } from './endpoint-configuration';
import { tagValueKey } from './tags';

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

/** The root settings `readRootSetting` reads into the API settings. */
const settingKeys = new Set([
  apiKeySourceKey,
  binaryMediaTypesKey,
  minimumCompressionSizeKey,
  policyKey,
  securityPolicyKey,
  endpointAccessModeKey,
]);

/**
 * Reads one root setting into `api`; returns a note when the value had to be kept as written (or was
 * adjusted). A setting given as (or holding) a CloudFormation expression is kept as written, which
 * loses nothing: the export writes it back. A resource policy holds expressions as it is.
 */
export function readRootSetting(key: string, value: JsonValue, api: ApiSettings): { kept: boolean; note?: string; severity?: 'info' } {
  if (settingKeys.has(key) && key !== policyKey && containsIntrinsic(value))
    return {
      kept: true,
      note: `${key} is a CloudFormation expression (${expressionText(value, 120)}); it is kept and exported as written. The API settings cannot show it.`,
      severity: 'info',
    };
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
    case endpointAccessModeKey:
      // HTTP APIs take their TLS policy from a custom domain name: kept as written, the export writes it back.
      if (api.type !== 'REST')
        return {
          kept: true,
          note: `${key} applies to REST APIs only (an HTTP API takes the TLS policy of its custom domain name); it was kept as written.`,
        };
      return readTlsSetting(key, value, api);
    default:
      return { kept: true };
  }
}

/** A REST API's TLS security policy or endpoint access mode; an unknown name is kept in the settings, where the rules name it. */
function readTlsSetting(key: string, value: JsonValue, api: ApiSettings): { kept: boolean; note?: string } {
  switch (key) {
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
export const isEnhancedSecurityPolicy = isEnhancedPolicy;

/** Writes the root settings that differ from API Gateway's defaults, in a fixed order. */
export function writeRootSettings(api: ApiSettings, out: JsonObject, notes: Set<string>): void {
  if (api.apiKeySource !== 'HEADER') out[apiKeySourceKey] = api.apiKeySource;
  if (api.binaryMediaTypes.length > 0) out[binaryMediaTypesKey] = [...api.binaryMediaTypes];
  if (api.minimumCompressionSize !== undefined) out[minimumCompressionSizeKey] = api.minimumCompressionSize;
  if (api.policy !== undefined) out[policyKey] = cloneJson(api.policy);
  if (api.documentation !== undefined) out[documentationKey] = cloneJson(api.documentation);
  if (api.type === 'REST') writeTlsSettings(api, out, notes);
  else if (api.securityPolicy !== undefined || api.endpointAccessMode !== undefined)
    notes.add('An HTTP API has no TLS security policy of its own (its custom domain name has one); the export leaves it out.');
  writeApiExpressions(api, out);
  writeShortFormsOf(out, api.shortFormIntrinsics);
}

/**
 * A REST API's TLS security policy and endpoint access mode at the document root; and a note that its IP
 * address type is not there: "You can't use an external definition file to configure your API's IP address
 * type" (DG api-gateway-ip-address-type). A private API is dualstack whatever the document says.
 */
function writeTlsSettings(api: ApiSettings, out: JsonObject, notes: Set<string>): void {
  if (api.securityPolicy !== undefined) out[securityPolicyKey] = api.securityPolicy;
  // An access mode kept as written (a CloudFormation expression) is written with the kept extensions.
  const kept = Object.hasOwn(api.extensions, endpointAccessModeKey);
  const accessMode = api.endpointAccessMode ?? (isEnhancedSecurityPolicy(api.securityPolicy) && !kept ? 'STRICT' : undefined);
  if (api.endpointAccessMode === undefined && accessMode !== undefined)
    notes.add(`The security policy ${api.securityPolicy} needs an endpoint access mode; STRICT was written.`);
  if (accessMode !== undefined) out[endpointAccessModeKey] = accessMode;
  if (api.ipAddressType === 'dualstack' && api.endpointType !== 'PRIVATE')
    notes.add(
      "The API is dual-stack (IPv4 and IPv6), which a REST API's OpenAPI cannot say (API Gateway takes the IP address type from the API's settings, not from an imported file): set it after import, or deploy with the CDK export, which sets it.",
    );
}

/** Whether a written list is the readable text of an expression list (ids the exporter wrote from the setting). */
function standsFor(written: JsonValue | undefined, expression: TextOrIntrinsic[]): boolean {
  return (
    Array.isArray(written) &&
    written.length === expression.length &&
    written.every((item, index) => item === readableText(expression[index]))
  );
}

/**
 * Settings given as CloudFormation expressions (`ApiSettings.expressions`) go back into the document as
 * those expressions, in place of the readable text written for them: the title, description and version
 * in `info`, AWS tag values in `tags` (HTTP APIs), the VPC endpoint ids in the endpoint configuration
 * (OpenAPI 3.0 servers, Swagger 2.0 root).
 */
function writeApiExpressions(api: ApiSettings, out: JsonObject): void {
  if (!api.expressions) return;
  const info = own(out, 'info');
  if (isJsonObject(info))
    for (const [field, key] of [
      ['name', 'title'],
      ['description', 'description'],
      ['version', 'version'],
    ] as const) {
      const expression = apiExpression(api, field);
      if (expression !== undefined && Object.hasOwn(info, key)) info[key] = cloneJson(expression);
    }
  const tags = apiExpression(api, 'tags');
  const written = own(out, 'tags');
  if (tags && Array.isArray(written))
    for (const tag of written) {
      const name = isJsonObject(tag) ? own(tag, 'name') : undefined;
      if (isJsonObject(tag) && typeof name === 'string' && Object.hasOwn(tags, name))
        setOwn(tag, tagValueKey, cloneJson(tags[name] as JsonObject));
    }
  writeEndpointExpressions(api, out);
}

/** The endpoint configurations an export holds: the root one (Swagger 2.0), and each server's (OpenAPI 3.0). */
function endpointConfigurations(out: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const root = own(out, endpointConfigurationKey);
  if (isJsonObject(root)) found.push(root);
  const servers = own(out, 'servers');
  if (Array.isArray(servers))
    for (const server of servers) {
      const configuration = isJsonObject(server) ? own(server, endpointConfigurationKey) : undefined;
      if (isJsonObject(configuration)) found.push(configuration);
    }
  return found;
}

/** A copy of `object` with `key` inserted right after `after` (keys keep the order a reader expects). */
function insertedAfter(object: JsonObject, after: string, key: string, value: JsonValue): JsonObject {
  const result: JsonObject = {};
  for (const [name, item] of Object.entries(object)) {
    setOwn(result, name, item);
    if (name === after) setOwn(result, key, value);
  }
  if (!Object.hasOwn(result, key)) setOwn(result, key, value);
  return result;
}

/** Adds an endpoint configuration where the document's version keeps it (Swagger 2.0 root, OpenAPI 3.0 first server). */
function placeEndpointConfiguration(out: JsonObject, configuration: JsonObject): void {
  if (Object.hasOwn(out, 'swagger')) {
    out[endpointConfigurationKey] = configuration;
    return;
  }
  const servers = own(out, 'servers');
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (isJsonObject(first)) {
    setOwn(first, endpointConfigurationKey, configuration);
    return;
  }
  const withServers = insertedAfter(out, 'info', 'servers', [{ url: '/', [endpointConfigurationKey]: configuration }]);
  for (const key of Object.keys(out)) delete out[key];
  Object.assign(out, withServers);
}

/**
 * The VPC endpoint ids, the default-endpoint flag and (HTTP APIs) the IP address type given as expressions.
 * The flag's and the IP address type's settings are unset while they stand for an expression, so the
 * exporter may have written no endpoint configuration: one is added, where the version keeps it.
 */
function writeEndpointExpressions(api: ApiSettings, out: JsonObject): void {
  const whole = apiExpression(api, 'endpointConfiguration');
  if (whole && endpointConfigurations(out).length === 0) {
    placeEndpointConfiguration(out, cloneJson(whole));
    return;
  }
  const ids = apiExpression(api, 'vpcEndpointIds');
  const disable = apiExpression(api, 'disableExecuteApiEndpoint');
  // Only an HTTP API's endpoint configuration holds the IP address type (DG api-gateway-ip-address-type).
  const ipAddressType = api.type === 'HTTP' ? apiExpression(api, 'ipAddressType') : undefined;
  if (!ids && !disable && !ipAddressType) return;
  let configurations = endpointConfigurations(out);
  if (configurations.length === 0 && (disable || ipAddressType)) {
    const configuration: JsonObject = {};
    placeEndpointConfiguration(out, configuration);
    configurations = [configuration];
  }
  for (const configuration of configurations) {
    if (disable) {
      const rest = Object.entries(configuration).filter(([key]) => key !== 'disableExecuteApiEndpoint');
      for (const key of Object.keys(configuration)) delete configuration[key];
      setOwn(configuration, 'disableExecuteApiEndpoint', cloneJson(disable));
      for (const [key, value] of rest) setOwn(configuration, key, value);
    }
    if (ids && standsFor(own(configuration, 'vpcEndpointIds'), ids)) configuration.vpcEndpointIds = cloneJson(ids);
    if (ipAddressType) setOwn(configuration, 'ipAddressType', cloneJson(ipAddressType));
  }
}
