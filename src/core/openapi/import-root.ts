import {
  containsIntrinsic,
  expressionStandIn,
  expressionText,
  isIntrinsic,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  readableText,
} from '../model';
import { shortFormIntrinsics } from './cfn-tags';
import { corsKey, readCors } from './extensions/cors';
import { type EndpointConfiguration, endpointConfigurationKey, readEndpointConfiguration } from './extensions/endpoint-configuration';
import { gatewayResponsesKey, readGatewayResponses } from './extensions/gateway-responses';
import { requestValidatorKey, requestValidatorsKey } from './extensions/request-validators';
import { endpointAccessModeKey, importExportVersionKey, isEnhancedSecurityPolicy, readRootSetting } from './extensions/root-settings';
import { readHttpApiTags, tagValueKey } from './extensions/tags';
import type { ImportState } from './import-state';
import { cloneJson, isExtensionKey, own, setOwn } from './json-access';
import { at } from './notes';

/**
 * `info`: title (the API name), description, version; other fields are kept for the export. A title,
 * description or version that is a CloudFormation expression (`!Sub '${AWS::StackName}-API'`, as SAM
 * templates write) is kept as written: the setting holds its readable text, and exports write the expression.
 */
export function importInfo(state: ImportState): void {
  const api = state.design.api;
  const info = own(state.document, 'info');
  if (!isJsonObject(info)) {
    state.notes.add('The document has no "info"; the API is named "Untitled API".', 'info');
    return;
  }
  const title = own(info, 'title');
  if (typeof title === 'string' && title.trim() !== '') api.name = title;
  else if (isIntrinsic(title)) {
    api.name = readableText(title).trim() || 'Untitled API';
    keepExpression(state, 'name', title, 'info.title');
  } else state.notes.add('The document has no title; the API is named "Untitled API".', 'info.title');
  const description = own(info, 'description');
  if (typeof description === 'string') api.description = description;
  else if (isIntrinsic(description)) {
    api.description = readableText(description);
    keepExpression(state, 'description', description, 'info.description');
  }
  const version = own(info, 'version');
  if (typeof version === 'string') api.version = version;
  else if (typeof version === 'number') api.version = String(version);
  else if (isIntrinsic(version)) {
    api.version = readableText(version);
    keepExpression(state, 'version', version, 'info.version');
  }
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(info))
    if (key !== 'title' && key !== 'description' && key !== 'version') setOwn(rest, key, cloneJson(value));
  if (Object.keys(rest).length > 0) api.extensions.info = rest;
}

/** Keeps an API setting given as a CloudFormation expression, with a note saying how it is shown and written. */
function keepExpression(state: ImportState, field: 'name' | 'description' | 'version', value: JsonObject, where: string): void {
  const api = state.design.api;
  api.expressions = { ...api.expressions, [field]: cloneJson(value) };
  state.notes.add(
    `${where} is a CloudFormation expression (${expressionText(value, 120)}); it is kept and exported as written, and Portico shows it as "${readableText(value).slice(0, 120)}".`,
    where,
    'info',
  );
}

/** An endpoint configuration that is one CloudFormation expression as a whole (`!If [Private, {…}, {…}]`). */
function keepEndpointExpression(state: ImportState, value: JsonObject, where: string): void {
  const api = state.design.api;
  api.expressions = { ...api.expressions, endpointConfiguration: cloneJson(value) };
  state.notes.add(
    `${endpointConfigurationKey} is a CloudFormation expression (${expressionText(value, 120)}); it is kept and exported as written. The endpoint settings cannot show it.`,
    where,
    'info',
  );
}

/**
 * Remembers which CloudFormation functions a YAML document wrote with their short tag (`!Sub`), so that
 * a YAML export writes them the same way. Needs the document's text: the parser reads both forms alike.
 */
export function importIntrinsicForms(state: ImportState, text: string): void {
  const keys = shortFormIntrinsics(text, state.document);
  if (keys.length > 0) state.design.api.shortFormIntrinsics = keys;
}

/**
 * The endpoint configuration into the API settings; a flag or VPC endpoint ids given as expressions
 * (`!Ref Endpoint`) are kept as written (the flag's setting stays off, its default, while it stands for one).
 */
function applyEndpointConfiguration(state: ImportState, configuration: EndpointConfiguration): void {
  const api = state.design.api;
  const disable = configuration.disableExecuteApiEndpoint;
  api.disableExecuteApiEndpoint = disable === true;
  if (typeof disable !== 'boolean') api.expressions = { ...api.expressions, disableExecuteApiEndpoint: disable };
  api.vpcEndpointIds = expressionStandIn(configuration.vpcEndpointIds);
  if (configuration.vpcEndpointIds.some((id) => typeof id !== 'string'))
    api.expressions = { ...api.expressions, vpcEndpointIds: cloneJson(configuration.vpcEndpointIds) };
  const ipAddressType = configuration.ipAddressType;
  if (ipAddressType !== undefined) {
    if (typeof ipAddressType === 'string') api.ipAddressType = ipAddressType;
    else api.expressions = { ...api.expressions, ipAddressType: cloneJson(ipAddressType) };
    // AWS reads ipAddressType for HTTP APIs only (DG api-gateway-ip-address-type): kept, since the CDK export sets it.
    if (state.apiType === 'REST')
      state.notes.add(
        `A REST API's IP address type cannot come from an OpenAPI file (API Gateway reads ipAddressType for HTTP APIs only); ${typeof ipAddressType === 'string' ? `${ipAddressType} is kept in the API settings, and the CDK export sets it` : 'the expression is kept, and no export writes it'}.`,
        endpointConfigurationKey,
      );
  }
}

/** Root fields OpenAPI 2.0 and 3.0 share in the same form, kept for the export. */
const sharedRootFields = new Set(['externalDocs', 'security', 'tags']);
/** Root fields the importer reads elsewhere. */
const readElsewhere = new Set([
  'openapi',
  'swagger',
  'info',
  'paths',
  'components',
  'definitions',
  'securityDefinitions',
  'consumes',
  'produces',
  requestValidatorsKey,
]);
/** Where a stage was deployed (host, base path, servers): written again when a stage is exported. */
const deploymentFields = new Set(['host', 'basePath', 'schemes', 'servers']);

function keep(state: ImportState, key: string, value: JsonValue): void {
  setOwn(state.design.api.extensions, key, cloneJson(value));
}

/** The document root: API Gateway's root extensions into API settings; what Portico does not model, kept as written. */
export function importRoot(state: ImportState): void {
  const api = state.design.api;
  const document = state.document;
  for (const [key, value] of Object.entries(document)) {
    if (readElsewhere.has(key)) continue;
    if (deploymentFields.has(key)) {
      if (key === 'servers') importServers(state, value);
      else if (key === 'basePath' || key === 'host')
        state.notes.add(
          `"${key}" describes where a stage was deployed; it is not kept (export a stage to write it again; API Gateway ignores the base path on import by default).`,
          key,
        );
      continue;
    }
    if (key === 'tags') {
      const reading = state.apiType === 'HTTP' ? readHttpApiTags(value) : undefined;
      if (reading) {
        api.tags = reading.tags;
        if (reading.expressions) api.expressions = { ...api.expressions, tags: reading.expressions };
        for (const note of reading.notes) state.notes.add(note, 'tags');
        if (reading.details) keep(state, 'tags', reading.details);
      } else {
        if (Array.isArray(value) && value.some((tag) => isJsonObject(tag) && own(tag, tagValueKey) !== undefined))
          state.notes.add(`${tagValueKey} makes AWS tags on HTTP APIs only; on this REST API the tags were kept as written.`, 'tags');
        keep(state, key, value);
      }
      continue;
    }
    // importSecuritySchemes applied the document-level requirement to every operation without its own (and
    // said so); kept, the export would write it at the root again, where on a re-import it would protect an
    // operation written open (`security: []`).
    if (key === 'security') continue;
    if (key === requestValidatorKey) {
      const id = typeof value === 'string' ? state.validatorIdByName.get(value) : undefined;
      if (id !== undefined) api.defaultRequestValidatorId = id;
      else {
        state.notes.add(`${requestValidatorKey} names no request validator of this document; it was kept as written.`, key);
        keep(state, key, value);
      }
      continue;
    }
    if (key === gatewayResponsesKey) {
      const responses = readGatewayResponses(value);
      if (responses) state.design.gatewayResponses = responses;
      else {
        state.notes.add(`${gatewayResponsesKey} should map response types to objects; it was kept as written.`, key);
        keep(state, key, value);
      }
      continue;
    }
    if (key === corsKey) {
      const cors = state.apiType === 'HTTP' ? readCors(value) : undefined;
      if (cors) api.cors = cors;
      else {
        const expression = state.apiType === 'HTTP' && containsIntrinsic(value);
        state.notes.add(
          state.apiType !== 'HTTP'
            ? `${corsKey} configures HTTP APIs only (REST APIs answer CORS with OPTIONS methods); it was kept as written.`
            : expression
              ? `${corsKey} holds CloudFormation expressions, which the CORS settings cannot show; it is kept and exported as written.`
              : `${corsKey} has a field Portico does not know; it was kept as written.`,
          key,
          expression ? 'info' : 'warning',
        );
        keep(state, key, value);
      }
      continue;
    }
    if (key === importExportVersionKey) {
      // HTTP APIs: selects the import algorithm; the export always writes "1.0", its only value.
      if (value !== '1.0' || state.apiType !== 'HTTP') keep(state, key, value);
      if (value !== '1.0') state.notes.add(`${importExportVersionKey} should be "1.0"; it was kept as written.`, key);
      continue;
    }
    if (key === endpointConfigurationKey) {
      const configuration = state.version === '2.0' ? readEndpointConfiguration(value) : undefined;
      if (configuration) applyEndpointConfiguration(state, configuration);
      else if (state.version === '2.0' && isIntrinsic(value)) keepEndpointExpression(state, value, key);
      else {
        state.notes.add(
          state.version === '2.0'
            ? `${key} has a field Portico does not know; it was kept as written.`
            : `In OpenAPI 3.0, ${key} belongs in a server object; it was kept as written.`,
          key,
        );
        keep(state, key, value);
      }
      continue;
    }
    const setting = readRootSetting(key, value, api);
    if (setting.note) state.notes.add(setting.note, key, setting.severity);
    if (!setting.kept) continue;
    if (isExtensionKey(key) || sharedRootFields.has(key)) keep(state, key, value);
    else state.notes.add(`The document-level field "${key}" is not part of OpenAPI ${state.version}; it was left out.`, key);
  }
  // An access mode kept as written (a CloudFormation expression) is one: STRICT is not added beside it.
  if (
    isEnhancedSecurityPolicy(api.securityPolicy) &&
    api.endpointAccessMode === undefined &&
    !Object.hasOwn(api.extensions, endpointAccessModeKey)
  ) {
    api.endpointAccessMode = 'STRICT';
    state.notes.add(
      `The enhanced security policy ${api.securityPolicy} requires an endpoint access mode; STRICT was set.`,
      endpointAccessModeKey,
    );
  }
  if (api.vpcEndpointIds.length > 0 && state.apiType === 'REST') api.endpointType = 'PRIVATE';
}

/** OpenAPI 3.0 `servers`: the endpoint configuration extension lives in them; the URLs describe a deployed stage. */
function importServers(state: ImportState, value: JsonValue): void {
  if (!Array.isArray(value)) {
    state.notes.add(
      '"servers" should be a list; it was left out (the base path it names is a stage, which export writes again).',
      'servers',
    );
    return;
  }
  let droppedOther = false;
  let deployment = false;
  value.forEach((server, index) => {
    if (!isJsonObject(server)) return;
    // `{url: "/"}` only carries the endpoint configuration (that is how Portico writes it without a stage).
    if (own(server, 'url') !== '/' || own(server, 'variables') !== undefined) deployment = true;
    for (const [key, item] of Object.entries(server)) {
      if (key === endpointConfigurationKey) {
        const configuration = readEndpointConfiguration(item);
        if (configuration) applyEndpointConfiguration(state, configuration);
        else if (isIntrinsic(item)) keepEndpointExpression(state, item, at('servers', index, key));
        else state.notes.add(`${key} has a field Portico does not know; it was left out.`, at('servers', index), 'error');
      } else if (key !== 'url' && key !== 'variables' && key !== 'description') droppedOther = true;
    }
  });
  if (deployment || droppedOther)
    state.notes.add(
      `"servers" describes where a stage was deployed; it is not kept${droppedOther ? ' (nor the extensions in it)' : ''}. Export a stage to write it again.`,
      'servers',
    );
}
