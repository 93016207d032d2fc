import { type Authorizer, asId, isJsonObject, type JsonObject, type Model } from '../model';
import { apiKeySchemeName, readSecurityScheme } from './extensions/authorizer';
import { readRequestValidators, requestValidatorsKey } from './extensions/request-validators';
import { addAuthorizer, addModel, addValidator, type ImportState, reusableIntegrationsKey } from './import-state';
import { own, ownObject } from './json-access';
import { at } from './notes';
import { importSchema } from './schema-dialect';

/** Where a version keeps its schemas and security schemes. */
export function componentsOf(state: ImportState): { schemas?: JsonObject; securitySchemes?: JsonObject; components?: JsonObject } {
  if (state.version === '2.0')
    return { schemas: ownObject(state.document, 'definitions'), securitySchemes: ownObject(state.document, 'securityDefinitions') };
  const components = ownObject(state.document, 'components');
  return {
    schemas: components ? ownObject(components, 'schemas') : undefined,
    securitySchemes: components ? ownObject(components, 'securitySchemes') : undefined,
    components,
  };
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

/** Security schemes: authorizers (by scheme name), IAM, and the API key requirement. */
export function importSecuritySchemes(state: ImportState): void {
  const { securitySchemes } = componentsOf(state);
  if (!securitySchemes) return;
  const where = state.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes';
  for (const [name, raw] of Object.entries(securitySchemes)) {
    if (!isJsonObject(raw)) {
      state.notes.add(`The security scheme "${name}" is not an object and was left out.`, at(where, name));
      continue;
    }
    const reading = readSecurityScheme(raw, state.apiType);
    if (reading.kind === 'skip') {
      state.notes.add(`The security scheme "${name}" was left out: ${reading.reason}.`, at(where, name));
      continue;
    }
    for (const note of reading.notes) state.notes.add(note, at(where, name));
    if (reading.kind === 'apiKey') {
      if (name !== apiKeySchemeName)
        state.notes.add(
          `The API key scheme "${name}" is written as "${apiKeySchemeName}", the name API Gateway's exports use.`,
          at(where, name),
        );
      state.schemes.set(name, { role: 'apiKey' });
      continue;
    }
    const authorizer: Authorizer = { ...reading.authorizer, id: asId('Authorizer', state.ids.take('Authorizer', name)), name };
    addAuthorizer(state, authorizer);
    state.schemes.set(name, { role: 'authorizer', id: authorizer.id });
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
