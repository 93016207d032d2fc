/** Plain JSON data, as it comes out of a parsed document and goes into an export. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * A string the user typed, or a value a deployment tool fills in later: CloudFormation intrinsics
 * (`{"Fn::Sub": "…"}`, `{"Ref": "…"}`) appear in integration URIs and ARNs of real documents and must
 * be kept as they came.
 */
export type TextOrIntrinsic = string | JsonObject;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `x-…` keys an element carried that Portico does not model; written back unchanged on export. */
export type Extensions = Record<string, JsonValue>;
