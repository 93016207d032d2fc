import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { readableText } from './cfn-tags';
import { corsKey, readCors } from './extensions/cors';
import { endpointConfigurationKey, readEndpointConfiguration } from './extensions/endpoint-configuration';
import { gatewayResponsesKey, readGatewayResponses } from './extensions/gateway-responses';
import { requestValidatorKey, requestValidatorsKey } from './extensions/request-validators';
import { endpointAccessModeKey, importExportVersionKey, isEnhancedSecurityPolicy, readRootSetting } from './extensions/root-settings';
import { readHttpApiTags, tagValueKey } from './extensions/tags';
import type { ImportState } from './import-state';
import { cloneJson, isExtensionKey, own, setOwn } from './json-access';
import { at } from './notes';

/** `info`: title (the API name), description, version; other fields are kept for the export. */
export function importInfo(state: ImportState): void {
  const api = state.design.api;
  const info = own(state.document, 'info');
  if (!isJsonObject(info)) {
    state.notes.add('The document has no "info"; the API is named "Untitled API".', 'info');
    return;
  }
  const title = own(info, 'title');
  if (typeof title === 'string' && title.trim() !== '') api.name = title;
  else if (title !== undefined && title !== null && typeof title === 'object') {
    // A CloudFormation expression such as {"Ref": "AWS::StackName"}: valid for SAM, not as OpenAPI.
    api.name = readableText(title);
    state.notes.add(
      `The title is a CloudFormation expression (${JSON.stringify(title)}); the API is named "${api.name}", and the export writes that text.`,
      'info.title',
    );
  } else state.notes.add('The document has no title; the API is named "Untitled API".', 'info.title');
  const description = own(info, 'description');
  if (typeof description === 'string') api.description = description;
  const version = own(info, 'version');
  if (typeof version === 'string') api.version = version;
  else if (typeof version === 'number') api.version = String(version);
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(info))
    if (key !== 'title' && key !== 'description' && key !== 'version') setOwn(rest, key, cloneJson(value));
  if (Object.keys(rest).length > 0) api.extensions.info = rest;
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
        for (const note of reading.notes) state.notes.add(note, 'tags');
        if (reading.details) keep(state, 'tags', reading.details);
      } else {
        if (Array.isArray(value) && value.some((tag) => isJsonObject(tag) && own(tag, tagValueKey) !== undefined))
          state.notes.add(`${tagValueKey} makes AWS tags on HTTP APIs only; on this REST API the tags were kept as written.`, 'tags');
        keep(state, key, value);
      }
      continue;
    }
    if (key === 'security') {
      state.notes.add(
        'API Gateway ignores a document-level "security"; put security on each operation. It was kept as written.',
        'security',
      );
      keep(state, key, value);
      continue;
    }
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
        state.notes.add(
          state.apiType === 'HTTP'
            ? `${corsKey} has a field Portico does not know; it was kept as written.`
            : `${corsKey} configures HTTP APIs only (REST APIs answer CORS with OPTIONS methods); it was kept as written.`,
          key,
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
      if (configuration) {
        api.disableExecuteApiEndpoint = configuration.disableExecuteApiEndpoint;
        api.vpcEndpointIds = configuration.vpcEndpointIds;
      } else {
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
    if (setting.note) state.notes.add(setting.note, key);
    if (!setting.kept) continue;
    if (isExtensionKey(key) || sharedRootFields.has(key)) keep(state, key, value);
    else state.notes.add(`The document-level field "${key}" is not part of OpenAPI ${state.version}; it was left out.`, key);
  }
  if (isEnhancedSecurityPolicy(api.securityPolicy) && api.endpointAccessMode === undefined) {
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
  const api = state.design.api;
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
        if (configuration) {
          api.disableExecuteApiEndpoint = configuration.disableExecuteApiEndpoint;
          api.vpcEndpointIds = configuration.vpcEndpointIds;
        } else state.notes.add(`${key} has a field Portico does not know; it was left out.`, at('servers', index));
      } else if (key !== 'url' && key !== 'variables' && key !== 'description') droppedOther = true;
    }
  });
  if (deployment || droppedOther)
    state.notes.add(
      `"servers" describes where a stage was deployed; it is not kept${droppedOther ? ' (nor the extensions in it)' : ''}. Export a stage to write it again.`,
      'servers',
    );
}
