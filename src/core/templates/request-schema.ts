import type { Design, JsonObject, JsonValue, Method, Model, Route } from '../model';

/**
 * The JSON Schema a method's request body follows (its model for `application/json`, or the first body it
 * describes), read for the template editor's completions and the test bench's sample body. Models refer to
 * each other as `#/components/schemas/Name` or `#/definitions/Name`.
 */
export function requestBodySchema(design: Design, owner: Method | Route): JsonObject | undefined {
  const content = owner.requestBody?.content;
  if (!content) return undefined;
  const body = content['application/json'] ?? Object.values(content)[0];
  if (!body) return undefined;
  if (body.modelId !== undefined) return Object.hasOwn(design.models, body.modelId) ? design.models[body.modelId]?.schema : undefined;
  return body.schema;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(design: Design, schema: JsonObject): JsonObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = /^#\/(?:components\/schemas|definitions)\/(.+)$/.exec(ref)?.[1];
  const model = name === undefined ? undefined : (Object.values(design.models) as Model[]).find((candidate) => candidate.name === name);
  return model?.schema ?? {};
}

/** JSONPaths of a schema's properties (`$.type`, `$.payload.id`, `$.items[0].sku`), a few levels deep. */
export function schemaPaths(design: Design, schema: JsonObject | undefined, maxDepth = 3, maxPaths = 200): string[] {
  const paths: string[] = [];
  const walk = (node: JsonObject, prefix: string, depth: number): void => {
    const resolved = resolveRef(design, node);
    if (depth >= maxDepth || paths.length >= maxPaths) return;
    const items = resolved.items;
    if (resolved.type === 'array' && isObject(items)) {
      walk(items, `${prefix}[0]`, depth);
      return;
    }
    const properties = resolved.properties;
    if (!isObject(properties)) return;
    for (const [name, child] of Object.entries(properties)) {
      if (paths.length >= maxPaths) return;
      const path = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${prefix}.${name}` : `${prefix}['${name.replace(/'/g, "\\'")}']`;
      paths.push(path);
      if (isObject(child)) walk(child, path, depth + 1);
    }
  };
  if (schema) walk(schema, '$', 0);
  return paths;
}

/** A value that follows a schema, for a sample body: its example, default or first enum value, else a placeholder. */
export function sampleFromSchema(design: Design, schema: JsonObject | undefined, depth = 0): JsonValue {
  if (!schema || depth > 6) return null;
  const resolved = resolveRef(design, schema);
  for (const key of ['example', 'default'] as const) if (resolved[key] !== undefined) return resolved[key] as JsonValue;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return resolved.enum[0] as JsonValue;
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  const properties = resolved.properties;
  if (type === 'object' || (type === undefined && isObject(properties))) {
    const result: JsonObject = {};
    if (isObject(properties))
      for (const [name, child] of Object.entries(properties))
        if (isObject(child)) result[name] = sampleFromSchema(design, child, depth + 1);
    return result;
  }
  if (type === 'array') return isObject(resolved.items) ? [sampleFromSchema(design, resolved.items, depth + 1)] : [];
  if (type === 'integer' || type === 'number') return typeof resolved.minimum === 'number' ? resolved.minimum : 1;
  if (type === 'boolean') return true;
  if (type === 'string') return resolved.format === 'date-time' ? '2026-01-01T00:00:00Z' : 'text';
  return null;
}
