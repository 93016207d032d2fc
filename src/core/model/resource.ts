import type { ResourceId } from './ids';
import { type Extensions, placeholdersIn, replacePlaceholders } from './json';

/**
 * A REST API resource: one path part under a parent. The root `/` is the resource with no parent and
 * an empty path part; every REST design has exactly one.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html
 */
export interface Resource {
  id: ResourceId;
  parentId: ResourceId | null;
  /**
   * `pets`, `{petId}` or the greedy `{proxy+}`; empty for the root. May hold a template placeholder
   * (`${path_key}`, Terraform `templatefile`): API Gateway receives the substituted value.
   */
  pathPart: string;
  /** Path-level `x-` keys and other path item fields (summary, description, shared parameters). */
  extensions?: Extensions;
}

/** API Gateway accepts letters, digits and `_ - . , :` in a path part, or a whole-segment `{param}` / `{param+}`. */
const plainPart = /^[A-Za-z0-9_\-.,:$]+$/;
const paramPart = /^\{[A-Za-z0-9_\-.]+\+?\}$/;

export function isPathParameter(pathPart: string): boolean {
  return paramPart.test(pathPart);
}

export function isGreedy(pathPart: string): boolean {
  return isPathParameter(pathPart) && pathPart.endsWith('+}');
}

/** The parameter name of `{petId}` / `{proxy+}`, or undefined for a plain part. */
export function pathParameterName(pathPart: string): string | undefined {
  return isPathParameter(pathPart) ? pathPart.slice(1, pathPart.endsWith('+}') ? -2 : -1) : undefined;
}

/**
 * Whether a path part holds a template placeholder (`${path_key}`, `v${version}`) that Terraform,
 * Serverless or CloudFormation fills in before API Gateway sees the document.
 */
export function hasPlaceholder(pathPart: string): boolean {
  return placeholdersIn(pathPart).length > 0;
}

/** Why a path part is not allowed, or undefined when it is. */
export function pathPartProblem(pathPart: string): string | undefined {
  if (pathPart.length === 0) return 'A path part cannot be empty.';
  if (pathPart.includes('/')) return 'A path part is one segment: remove the "/" (nest another resource instead).';
  // A placeholder stands for text only the template knows: the rest of the part must be allowed as it is.
  if (hasPlaceholder(pathPart)) {
    const rest = replacePlaceholders(pathPart, () => '');
    return rest === '' ? undefined : pathPartProblem(rest);
  }
  if (pathPart.includes('{') || pathPart.includes('}')) {
    if (!paramPart.test(pathPart)) return `"${pathPart}" is not a path parameter: write it as a whole segment such as {id} or {proxy+}.`;
    return undefined;
  }
  if (!plainPart.test(pathPart))
    return `"${pathPart}" has characters API Gateway refuses in a path: use letters, digits and _ - . , : only.`;
  return undefined;
}
