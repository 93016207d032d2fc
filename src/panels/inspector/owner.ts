import {
  allResourcePaths,
  type Design,
  expressionText,
  idKindOf,
  type Method,
  type MethodId,
  type OperationDoc,
  type Route,
  type RouteId,
  refuse,
  type TextOrIntrinsic,
  updateMethod,
  updateRoute,
} from '../../core/model';
import type { Operation } from '../use-field-commit';

/** A method (REST) or a route (HTTP, WebSocket): what has documentation, an authorizer and an integration. */
export type OwnerId = MethodId | RouteId;
export type Owner = Method | Route;

/** Fields methods and routes share. */
export type OwnerPatch = Partial<OperationDoc> & { authorizationScopes?: string[]; apiKeyRequired?: boolean };

export function isRouteId(design: Design, id: string): id is RouteId {
  return idKindOf(id) === 'Route' || Object.hasOwn(design.routes, id);
}

export function getOwner(design: Design, id: OwnerId): Owner {
  const owner = isRouteId(design, id) ? design.routes[id] : design.methods[id as MethodId];
  if (!owner) refuse('not-found', 'This method or route no longer exists.');
  return owner;
}

export function updateOwner(design: Design, id: OwnerId, patch: OwnerPatch): Design {
  return isRouteId(design, id) ? updateRoute(design, id, patch) : updateMethod(design, id as MethodId, patch);
}

/** An operation that patches an owner from its current state (so list edits never use stale data). */
export function patchOwner(id: OwnerId, build: (owner: Owner) => OwnerPatch): Operation {
  return (design) => updateOwner(design, id, build(getOwner(design, id)));
}

/** Text shown for a value that may be a CloudFormation intrinsic: the expression as a template writes it (`!Sub …`). */
export function textOf(value: TextOrIntrinsic | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : expressionText(value, 2000);
}

/** Record of texts for display; intrinsics as expressions (`!GetAtt Role.Arn`). */
export function textRecord(record: Record<string, TextOrIntrinsic>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) result[key] = textOf(value);
  return result;
}

/** A hint for a record of values some of which are CloudFormation expressions, or undefined when none is. */
export function expressionsHint(record: Record<string, TextOrIntrinsic>): string | undefined {
  return Object.values(record).some((value) => typeof value !== 'string')
    ? 'Values written as !Sub …, !Ref … are CloudFormation expressions, filled in when the template is deployed and exported as written; editing one replaces it with text.'
    : undefined;
}

/** Back from displayed texts: entries whose text did not change keep their original (intrinsic) value. */
export function fromTextRecord(texts: Record<string, string>, original: Record<string, TextOrIntrinsic>): Record<string, TextOrIntrinsic> {
  const result: Record<string, TextOrIntrinsic> = {};
  for (const [key, text] of Object.entries(texts)) {
    const before = original[key];
    result[key] = before !== undefined && textOf(before) === text ? before : text;
  }
  return result;
}

/** Renames a key of a record, keeping order; refuses empty and duplicate keys. */
export function renameKey<V>(record: Record<string, V>, from: string, to: string, what: string): Record<string, V> {
  const key = to.trim();
  if (key === '') refuse('invalid-value', `A ${what} cannot be empty.`);
  if (key !== from && Object.hasOwn(record, key)) refuse('duplicate', `The ${what} "${key}" is already listed.`);
  const result: Record<string, V> = {};
  for (const [existing, value] of Object.entries(record)) result[existing === from ? key : existing] = value;
  return result;
}

/** A name not yet in `taken`: base, base2, base3… */
export function freeName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let index = 2;
  while (names.has(`${base}${index}`)) index += 1;
  return `${base}${index}`;
}

/** A method or route that uses an integration or an authorizer, as a list names it. */
export interface UsingOwner {
  id: OwnerId;
  /** `GET /pets/{id}`, or a route key. */
  label: string;
  operationName?: string;
}

/**
 * The methods and routes that call an integration (`integration`) or are protected by an authorizer
 * (`authorizer`), in path order: what a backend's form lists, each a way to go to it.
 */
export function ownersUsing(
  design: Pick<Design, 'methods' | 'routes' | 'resources'>,
  id: string,
  relation: 'integration' | 'authorizer',
): UsingOwner[] {
  const uses = (owner: Owner) => (relation === 'integration' ? owner.integration?.integrationId === id : owner.authorizerId === id);
  const found: UsingOwner[] = [];
  const methods = Object.values(design.methods).filter(uses);
  const paths = methods.length > 0 ? allResourcePaths(design) : undefined;
  for (const method of methods)
    found.push({
      id: method.id,
      label: `${method.httpMethod} ${paths?.get(method.resourceId) ?? '?'}`,
      ...(method.operationName ? { operationName: method.operationName } : {}),
    });
  for (const route of Object.values(design.routes).filter(uses))
    found.push({ id: route.id, label: route.routeKey, ...(route.operationName ? { operationName: route.operationName } : {}) });
  const path = (label: string) => label.slice(label.indexOf(' ') + 1);
  return found.sort((a, b) => path(a.label).localeCompare(path(b.label)) || a.label.localeCompare(b.label));
}
