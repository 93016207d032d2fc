import { asId, type Design, type MethodResponse, type Parameter } from '../model';

/**
 * Applies model operations in order. An example is fixed data, so a refused step is a bug in the
 * example: the operation's own error propagates (and the examples test fails) rather than being hidden.
 */
export function build(design: Design, ...steps: ((design: Design) => Design)[]): Design {
  return steps.reduce((current, step) => step(current), design);
}

/** Readable, stable ids (`res_pets`), so that an example is the same design every time it is opened. */
export const ids = {
  res: (name: string) => asId('Resource', `res_${name}`),
  mth: (name: string) => asId('Method', `mth_${name}`),
  rte: (name: string) => asId('Route', `rte_${name}`),
  auth: (name: string) => asId('Authorizer', `auth_${name}`),
  int: (name: string) => asId('Integration', `int_${name}`),
  mdl: (name: string) => asId('Model', `mdl_${name}`),
  val: (name: string) => asId('RequestValidator', `val_${name}`),
  stg: (name: string) => asId('Stage', `stg_${name}`),
  plan: (name: string) => asId('UsagePlan', `plan_${name}`),
  key: (name: string) => asId('ApiKey', `key_${name}`),
};

export function pathParameter(name: string, description: string): Parameter {
  return { in: 'path', name, required: true, description, schema: { type: 'string' } };
}

export function jsonResponse(statusCode: string, description: string, modelId?: ReturnType<typeof ids.mdl>): MethodResponse {
  return { statusCode, description, headers: {}, content: modelId ? { 'application/json': { modelId } } : {} };
}
