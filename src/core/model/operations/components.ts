import type { Design } from '../design';
import { refuse } from '../errors';
import { createId, type ModelId, type RequestValidatorId } from '../ids';
import { type GatewayResponse, gatewayResponseTypes, type Model, type RequestValidator } from '../model-schema';
import type { BodyContent, OperationDoc } from '../operation-doc';
import { assertKeyName, mustGet, patchObject, requireType, samePlainValue, without } from './helpers';
import { modelReferrer, renameModelReferences } from './model-references';

function assertModelName(design: Design, name: string, ignoreId?: ModelId): void {
  if (!/^[A-Za-z0-9]+$/.test(name)) refuse('invalid-value', `Model names are letters and digits only; "${name}" is not.`);
  for (const model of Object.values(design.models))
    if (model.name === name && model.id !== ignoreId) refuse('duplicate', `A model named "${name}" already exists.`);
}

export function addModel(design: Design, model: Omit<Model, 'id'> & { id?: ModelId }): Design {
  assertModelName(design, model.name);
  const id = model.id ?? createId('Model');
  if (Object.hasOwn(design.models, id)) refuse('duplicate', `A model with id "${id}" already exists.`);
  return { ...design, models: { ...design.models, [id]: { ...model, id } } };
}

export function updateModel(design: Design, modelId: ModelId, patch: Partial<Omit<Model, 'id'>>): Design {
  const model = mustGet(design.models, modelId, 'model');
  if (patch.name !== undefined && patch.name !== model.name) assertModelName(design, patch.name, modelId);
  const next = patchObject(model, patch);
  if (next === model) return design;
  const updated = { ...design, models: { ...design.models, [modelId]: next } };
  // Schemas name models in their references: a rename carries over to every schema that uses the model.
  return next.name === model.name ? updated : renameModelReferences(updated, model.name, next.name);
}

function usesModel(doc: OperationDoc, modelId: ModelId): boolean {
  const inContent = (content: Record<string, BodyContent>) => Object.values(content).some((body) => body.modelId === modelId);
  return (doc.requestBody ? inContent(doc.requestBody.content) : false) || doc.responses.some((response) => inContent(response.content));
}

/** Deletes a model; refused while a method or route still uses it, naming one. */
export function deleteModel(design: Design, modelId: ModelId): Design {
  const model = mustGet(design.models, modelId, 'model');
  const user = [...Object.values(design.methods), ...Object.values(design.routes)].find((owner) => usesModel(owner, modelId));
  if (user)
    refuse(
      'in-use',
      `The model "${model.name}" is still used by ${'routeKey' in user ? user.routeKey : `a ${user.httpMethod} method`}; remove it there first.`,
    );
  const referrer = modelReferrer(design, model.name, modelId);
  if (referrer) refuse('in-use', `The model "${model.name}" is still referred to by ${referrer}; remove the reference there first.`);
  return { ...design, models: without(design.models, [modelId]) };
}

export function addRequestValidator(design: Design, validator: Omit<RequestValidator, 'id'> & { id?: RequestValidatorId }): Design {
  requireType(design, ['REST'], 'Request validators');
  const name = validator.name.trim();
  if (!name) refuse('invalid-value', 'A request validator needs a name.');
  assertKeyName(name, 'A request validator');
  if (Object.values(design.requestValidators).some((other) => other.name === name))
    refuse('duplicate', `A request validator named "${name}" already exists.`);
  const id = validator.id ?? createId('RequestValidator');
  if (Object.hasOwn(design.requestValidators, id)) refuse('duplicate', `A request validator with id "${id}" already exists.`);
  return { ...design, requestValidators: { ...design.requestValidators, [id]: { ...validator, name, id } } };
}

export function updateRequestValidator(
  design: Design,
  validatorId: RequestValidatorId,
  patch: Partial<Omit<RequestValidator, 'id'>>,
): Design {
  const validator = mustGet(design.requestValidators, validatorId, 'request validator');
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (!name) refuse('invalid-value', 'A request validator needs a name.');
    assertKeyName(name, 'A request validator');
    if (Object.values(design.requestValidators).some((other) => other.name === name && other.id !== validatorId))
      refuse('duplicate', `A request validator named "${name}" already exists.`);
    patch = { ...patch, name };
  }
  const next = patchObject(validator, patch);
  return next === validator ? design : { ...design, requestValidators: { ...design.requestValidators, [validatorId]: next } };
}

/** Deletes a validator; methods that named it fall back to the API default. */
export function deleteRequestValidator(design: Design, validatorId: RequestValidatorId): Design {
  mustGet(design.requestValidators, validatorId, 'request validator');
  const methods = { ...design.methods };
  for (const method of Object.values(design.methods))
    if (method.requestValidatorId === validatorId) {
      const { requestValidatorId: _dropped, ...rest } = method;
      methods[method.id] = rest;
    }
  let api = design.api;
  if (api.defaultRequestValidatorId === validatorId) {
    const { defaultRequestValidatorId: _dropped, ...rest } = api;
    api = rest;
  }
  return { ...design, api, methods, requestValidators: without(design.requestValidators, [validatorId]) };
}

/** Sets (or, with `undefined`, removes) the customised gateway response of a type. */
export function setGatewayResponse(design: Design, responseType: string, response: GatewayResponse | undefined): Design {
  requireType(design, ['REST'], 'Gateway responses');
  if (!/^[A-Z0-9_]+$/.test(responseType)) refuse('invalid-value', `"${responseType}" is not a gateway response type.`);
  if (response === undefined) {
    const gatewayResponses = without(design.gatewayResponses, [responseType]);
    return gatewayResponses === design.gatewayResponses ? design : { ...design, gatewayResponses };
  }
  if (response.statusCode !== undefined && !/^[1-5]\d\d$/.test(response.statusCode))
    refuse('invalid-value', `A gateway response status code is a number from 100 to 599, not "${response.statusCode}".`);
  if (samePlainValue(design.gatewayResponses[responseType], response)) return design;
  return { ...design, gatewayResponses: { ...design.gatewayResponses, [responseType]: response } };
}

export const knownGatewayResponseTypes: readonly string[] = gatewayResponseTypes;
