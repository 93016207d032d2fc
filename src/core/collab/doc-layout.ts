import type * as Y from 'yjs';
import type { Design } from '../model';

/**
 * How a design is laid out in a shared Y.Doc, chosen so that concurrent edits merge the way people expect:
 *
 * - each id-keyed collection is a top-level Y.Map (top-level types are shared by name, so two clients that
 *   write to an empty doc at once merge instead of one replacing the other's root);
 * - each element is a Y.Map of its fields, so two people editing different fields of one method (summary
 *   and integration) both keep their change, and an edit to an element someone deleted meanwhile is
 *   dropped with it instead of bringing back half an element;
 * - field values are plain JSON, replaced whole (a list of parameters, a JSON Schema): merging inside them
 *   could produce a list or a schema neither person wrote;
 * - a few structured fields whose parts are edited separately in the forms are Y.Maps one level further
 *   down (a method's integration settings: the timeout and the mapping templates are different fields);
 * - Y.Map keys have no order that every client agrees on (it is the order in which each client happened
 *   to receive them), while a design's collections are in creation order (exports follow it): each
 *   collection has a Y.Array of its ids beside it, whose order Yjs makes the same everywhere.
 */
export const collections = [
  'resources',
  'methods',
  'routes',
  'authorizers',
  'integrations',
  'models',
  'requestValidators',
  'gatewayResponses',
  'stages',
  'usagePlans',
  'apiKeys',
  'domains',
] as const satisfies readonly (keyof Design)[];

export type CollectionName = (typeof collections)[number];

/** Collections keyed by the element's own `id` (stored once, as the key). Gateway responses are keyed by type. */
export const keyedById: ReadonlySet<CollectionName> = new Set(collections.filter((name) => name !== 'gatewayResponses'));

/** Fields that are Y.Maps of their own fields, per collection. */
export const structuredFields: Readonly<Partial<Record<CollectionName, readonly string[]>>> = {
  methods: ['integration'],
  routes: ['integration'],
  stages: ['methodSettings'],
};

/**
 * Fields whose change makes the element a different kind of thing (a Lambda integration becoming an HTTP
 * one has other fields): the element is written anew, so a concurrent edit to a field of the old kind is
 * dropped with it rather than left behind on the new kind.
 */
export const kindFields: Readonly<Partial<Record<CollectionName, string>>> = {
  integrations: 'kind',
  authorizers: 'kind',
};

/** The Y.Map holding the format version; its presence tells a doc that holds a design from an empty one. */
export const metaName = 'meta';
export const apiName = 'api';
export const stageOrderName = 'stageOrder';
export const layoutName = 'layout';
/** Settings of the live session itself (not of the design), such as read-only for participants. */
export const sessionName = 'session';

export function orderName(collection: CollectionName): string {
  return `${collection}:order`;
}

export type FieldMap = Y.Map<unknown>;

export function collectionMap(doc: Y.Doc, collection: CollectionName): Y.Map<FieldMap> {
  return doc.getMap(collection);
}

export function orderArray(doc: Y.Doc, collection: CollectionName): Y.Array<string> {
  return doc.getArray(orderName(collection));
}

/** Every shared type that holds the design (not the session settings): what an undo manager tracks. */
export function designTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    doc.getMap(metaName),
    doc.getMap(apiName),
    doc.getArray(stageOrderName),
    doc.getMap(layoutName),
    ...collections.flatMap((name) => [collectionMap(doc, name), orderArray(doc, name)]),
  ] as Y.AbstractType<unknown>[];
}
