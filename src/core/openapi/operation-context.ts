import { type BodyContent, isJsonObject, type JsonObject, type JsonValue, type ModelId } from '../model';
import { own } from './json-access';
import type { NoteList } from './notes';
import { dereference } from './resolve-refs';
import { exportSchema, importSchema, modelNameOfRef, modelRef, type SchemaImportContext } from './schema-dialect';
import type { OpenApiVersion } from './types';

/** What reading an operation's documentation needs from the import. */
export interface ReadContext {
  document: JsonObject;
  version: OpenApiVersion;
  notes: NoteList;
  modelIdByName: ReadonlyMap<string, ModelId>;
  schemas: SchemaImportContext;
  /** Fields left out because neither the model nor API Gateway use them, counted for one summary note. */
  dropped: Map<string, number>;
}

/** What writing one needs from the export. */
export interface WriteContext {
  version: OpenApiVersion;
  modelNameById: ReadonlyMap<ModelId, string>;
  /** What the target format could not carry. */
  notes: Set<string>;
}

export function dropField(context: ReadContext, what: string): void {
  context.dropped.set(what, (context.dropped.get(what) ?? 0) + 1);
}

/** A body schema as model reference (when it is exactly `$ref` to a known model) or as a schema written in place. */
export function readBodySchema(schema: JsonValue | undefined, context: ReadContext, path: string): BodyContent {
  if (schema === undefined) return {};
  const imported = importSchema(schema, context.schemas, path);
  if (!isJsonObject(imported)) return {};
  const ref = own(imported, '$ref');
  if (typeof ref === 'string' && Object.keys(imported).length === 1) {
    const name = modelNameOfRef(ref);
    const modelId = name === undefined ? undefined : context.modelIdByName.get(name);
    if (modelId !== undefined) return { modelId };
  }
  return { schema: imported };
}

/** The schema to write for a body: a reference to its model, or the schema in place. */
export function writeBodySchema(content: BodyContent, context: WriteContext): JsonValue | undefined {
  if (content.modelId !== undefined) {
    const name = context.modelNameById.get(content.modelId);
    if (name !== undefined)
      return { $ref: context.version === '2.0' ? `#/definitions/${modelRef(name).slice('#/components/schemas/'.length)}` : modelRef(name) };
  }
  if (content.schema !== undefined) return exportSchema(content.schema, context.version, context.notes);
  return undefined;
}

/** The operation's parameters after path-level ones (an operation's own parameter of the same name and place wins). */
export function mergedParameters(
  pathLevel: JsonValue | undefined,
  operationLevel: JsonValue | undefined,
  context: ReadContext,
  path: string,
): JsonObject[] {
  const list = (value: JsonValue | undefined, where: string): JsonObject[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      context.notes.add('"parameters" is not a list; it was ignored.', where, 'error');
      return [];
    }
    const result: JsonObject[] = [];
    value.forEach((item, index) => {
      const resolved = dereference(context.document, item, context.notes, `${where}.parameters.${index}`);
      if (isJsonObject(resolved)) result.push(resolved);
    });
    return result;
  };
  const own_ = list(operationLevel, path);
  const shared = list(pathLevel, path.slice(0, path.lastIndexOf('.')));
  const key = (parameter: JsonObject) => `${String(own(parameter, 'in'))}\u0000${String(own(parameter, 'name'))}`;
  const overridden = new Set(own_.map(key));
  return [...shared.filter((parameter) => !overridden.has(key(parameter))), ...own_];
}
