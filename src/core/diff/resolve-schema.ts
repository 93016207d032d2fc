import { type BodyContent, type Design, isJsonObject, type JsonObject, type Model, valuesOf } from '../model';

/** References a design writes to its models: `#/components/schemas/Name` (and Swagger's `#/definitions/Name`). */
const refPrefixes = ['#/components/schemas/', '#/definitions/'];

/** How many references in a row are followed before the chain is taken for a loop. */
const maxHops = 32;

function modelsByName(design: Design): Map<string, Model> {
  const cached = byNameCache.get(design);
  if (cached) return cached;
  const map = new Map<string, Model>();
  for (const model of valuesOf(design.models)) if (!map.has(model.name)) map.set(model.name, model);
  byNameCache.set(design, map);
  return map;
}
const byNameCache = new WeakMap<Design, Map<string, Model>>();

/** The model a reference names, or undefined (an external or dangling reference). */
export function modelOfRef(design: Design, ref: string): Model | undefined {
  const prefix = refPrefixes.find((candidate) => ref.startsWith(candidate));
  if (prefix === undefined) return undefined;
  const name = ref.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
  return modelsByName(design).get(name);
}

export interface ResolvedSchema {
  schema: JsonObject;
  /** The last model reference followed to reach it, which names the schema for cycle detection. */
  ref?: string;
}

/**
 * The schema a value stands for, following `$ref`s to the design's models (a `$ref` replaces its siblings,
 * as in OpenAPI 3.0). Undefined for a reference that leads nowhere or round in a circle.
 */
export function resolveSchema(design: Design, value: unknown): ResolvedSchema | undefined {
  let current: unknown = value;
  let ref: string | undefined;
  for (let hop = 0; hop <= maxHops; hop += 1) {
    if (!isJsonObject(current)) return undefined;
    const next = current.$ref;
    if (typeof next !== 'string') return ref === undefined ? { schema: current } : { schema: current, ref };
    const model = modelOfRef(design, next);
    if (!model) return undefined;
    ref = next;
    current = model.schema;
  }
  return undefined;
}

/**
 * The schema of a body: a reference to its model (so that the model is known by name when it refers to
 * itself further down), or the one written in place.
 */
export function bodySchema(design: Design, body: BodyContent | undefined): JsonObject | undefined {
  if (!body) return undefined;
  if (body.modelId !== undefined) {
    const model = design.models[body.modelId];
    return model ? { $ref: `${refPrefixes[0]}${model.name.replace(/~/g, '~0').replace(/\//g, '~1')}` } : undefined;
  }
  return body.schema;
}
