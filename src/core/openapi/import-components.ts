import { type Authorizer, asId, isJsonObject, type JsonObject, type Model } from '../model';
import { apiKeySchemeName, readSecurityScheme } from './extensions/authorizer';
import { readRequestValidators, requestValidatorsKey } from './extensions/request-validators';
import { DocumentSecurity } from './extensions/security';
import { addAuthorizer, addModel, addValidator, type ImportState, reusableIntegrationsKey } from './import-state';
import { own, ownObject } from './json-access';
import { at } from './notes';
import { dereference } from './resolve-refs';
import { importSchema } from './schema-dialect';

/** Where a version keeps its schemas (security schemes: see `securitySchemePlaces`). */
export function componentsOf(state: ImportState): { schemas?: JsonObject; components?: JsonObject } {
  if (state.version === '2.0') return { schemas: ownObject(state.document, 'definitions') };
  const components = ownObject(state.document, 'components');
  return { schemas: components ? ownObject(components, 'schemas') : undefined, components };
}

/** API Gateway model names are alphanumeric (DG models-mappings-models.html). */
const modelNamePattern = /^[A-Za-z0-9]+$/;

/** Models: one per schema under `components.schemas` (3.0) or `definitions` (2.0). */
export function importModels(state: ImportState): void {
  const { schemas } = componentsOf(state);
  if (!schemas) return;
  const where = state.version === '2.0' ? 'definitions' : 'components.schemas';
  // Names first, so that references between models can be checked whatever their order.
  const names = Object.keys(schemas).filter((name) => {
    if (isJsonObject(schemas[name])) return true;
    state.notes.add(`The schema "${name}" is not an object and was left out.`, at(where, name));
    return false;
  });
  const known = new Set(names);
  state.read.schemas.modelNames = known;
  for (const name of names) {
    const schema = importSchema(schemas[name] as JsonObject, state.read.schemas, at(where, name));
    const model: Model = {
      id: asId('Model', state.ids.take('Model', name)),
      name,
      contentType: 'application/json',
      schema: isJsonObject(schema) ? schema : {},
    };
    if (!modelNamePattern.test(name))
      state.notes.add(
        `API Gateway model names are letters and digits only; "${name}" will need renaming before deployment.`,
        at(where, name),
      );
    addModel(state, model);
  }
}

export function importValidators(state: ImportState): void {
  const value = own(state.document, requestValidatorsKey);
  if (value === undefined) return;
  const validators = readRequestValidators(value);
  if (!validators) {
    state.notes.add(
      `${requestValidatorsKey} should map names to {validateRequestBody, validateRequestParameters}; it was kept as written.`,
      requestValidatorsKey,
    );
    state.design.api.extensions[requestValidatorsKey] = value;
    return;
  }
  for (const validator of validators)
    addValidator(state, { ...validator, id: asId('RequestValidator', state.ids.take('RequestValidator', validator.name)) });
}

/**
 * Where a document keeps its security schemes. Each OpenAPI version has its own place (2.0
 * `securityDefinitions`, 3.0 `components.securitySchemes`), but deployed documents also keep them in the
 * other version's place (an OpenAPI 3 document with a Swagger 2 `securityDefinitions`), and API Gateway
 * reads them there: leaving them out would leave every operation that requires them open. The version's
 * own place comes first; a name in both keeps the first.
 */
function securitySchemePlaces(state: ImportState): { where: string; schemes: JsonObject; foreign: boolean }[] {
  const components = ownObject(state.document, 'components');
  const places = [
    {
      where: 'components.securitySchemes',
      value: components ? own(components, 'securitySchemes') : undefined,
      foreign: state.version === '2.0',
    },
    { where: 'securityDefinitions', value: own(state.document, 'securityDefinitions'), foreign: state.version === '3.0' },
  ];
  if (state.version === '2.0') places.reverse();
  const result: { where: string; schemes: JsonObject; foreign: boolean }[] = [];
  for (const place of places) {
    if (place.value === undefined) continue;
    if (!isJsonObject(place.value)) {
      state.notes.add(
        `"${place.where}" is not a map of security schemes; it was ignored, and operations that require them have no authorization.`,
        place.where,
        'error',
      );
      continue;
    }
    result.push({ where: place.where, schemes: place.value, foreign: place.foreign });
  }
  return result;
}

/**
 * Security schemes: authorizers (by scheme name), IAM, and the API key requirement; with the
 * document-level `security`, which applies to every operation without its own.
 */
export function importSecuritySchemes(state: ImportState): void {
  const documentRequirement = own(state.document, 'security');
  const schemes = new DocumentSecurity(documentRequirement);
  state.schemes = schemes;
  if (documentRequirement !== undefined)
    state.notes.add(
      'The document-level "security" applies to every operation without a "security" of its own, as OpenAPI defines it; API Gateway\'s importer ignores it (the methods it created from this document were open), so the export writes it on each operation.',
      'security',
    );
  for (const place of securitySchemePlaces(state)) {
    for (const [name, written] of Object.entries(place.schemes)) {
      const where = at(place.where, name);
      if (schemes.has(name)) {
        state.notes.add(`The security scheme "${name}" is defined twice; the one in ${place.where} was left out.`, where, 'error');
        continue;
      }
      const raw = dereference(state.document, written, state.notes, where);
      if (!isJsonObject(raw)) {
        state.notes.add(`The security scheme "${name}" is not an object and was left out.`, where, 'error');
        schemes.set(name, { role: 'unusable', reason: 'it is not an object' });
        continue;
      }
      if (place.foreign)
        state.notes.add(
          `The security scheme "${name}" is in ${place.where}, where OpenAPI ${state.version} does not look; it was read (API Gateway reads it there too), and the export writes it where OpenAPI ${state.version} puts it.`,
          where,
        );
      const reading = readSecurityScheme(raw, state.apiType);
      if (reading.kind === 'skip') {
        state.notes.add(`The security scheme "${name}" was left out: ${reading.reason}.`, where, 'error');
        schemes.set(name, { role: 'unusable', reason: reading.reason });
        continue;
      }
      for (const note of reading.notes) state.notes.add(note, where);
      if (reading.kind === 'apiKey') {
        if (name !== apiKeySchemeName)
          state.notes.add(`The API key scheme "${name}" is written as "${apiKeySchemeName}", the name API Gateway's exports use.`, where);
        schemes.set(name, { role: 'apiKey' });
        continue;
      }
      const authorizer: Authorizer = { ...reading.authorizer, id: asId('Authorizer', state.ids.take('Authorizer', name)), name };
      addAuthorizer(state, authorizer);
      schemes.set(name, { role: 'authorizer', id: authorizer.id });
    }
  }
}

/** HTTP APIs' reusable integrations, read when a route refers to them (and kept when none does). */
export function collectReusableIntegrations(state: ImportState): void {
  const { components } = componentsOf(state);
  const map = components ? ownObject(components, reusableIntegrationsKey) : undefined;
  if (!map) return;
  for (const [name, raw] of Object.entries(map)) {
    if (isJsonObject(raw)) state.reusableIntegrations.set(name, raw);
    else
      state.notes.add(
        `The reusable integration "${name}" is not an object and was left out.`,
        at('components', reusableIntegrationsKey, name),
      );
  }
}
