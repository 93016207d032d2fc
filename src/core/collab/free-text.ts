import * as Y from 'yjs';
import { apiName, type CollectionName, collectionMap, collections } from './doc-layout';

/**
 * Fields that hold free text whatever their value: nothing in the design refers to them and no invariant
 * reads them, so a change to them alone cannot break the design. Typing in a form changes these, one
 * keystroke at a time: the server accepts such an update, and a client reads it, without reading the
 * whole design again. A stage's name is not free (API Gateway restricts it), nor are path parts or route keys.
 */
const freeText: Readonly<Partial<Record<CollectionName | typeof apiName, ReadonlySet<string>>>> = {
  methods: new Set(['summary', 'description', 'operationName']),
  routes: new Set(['summary', 'description', 'operationName']),
  authorizers: new Set(['name']),
  integrations: new Set(['name', 'description']),
  models: new Set(['name', 'description']),
  requestValidators: new Set(['name']),
  usagePlans: new Set(['name', 'description']),
  apiKeys: new Set(['name', 'description']),
  stages: new Set(['description']),
  [apiName]: new Set(['name', 'description', 'version']),
};

/** Fields that must keep a value: taking one away is not typing. */
const requiredText = new Set(['name', 'version']);

/** One free-text change: the element (or the API settings) and the field, with its new text (undefined: removed). */
export interface TextChange {
  collection: CollectionName | typeof apiName;
  /** The element's key in its collection; absent for the API settings. */
  id?: string;
  field: string;
  value: string | undefined;
}

/**
 * The changes of a transaction (its `changed` map) as free-text changes, or undefined when any of them is
 * something else (a new or deleted element, a reference, a list, a field of another kind).
 */
export function freeTextChanges(doc: Y.Doc, changed: Map<Y.AbstractType<unknown>, Set<string | null>>): TextChange[] | undefined {
  const api = doc.getMap(apiName);
  const parents = new Map<Y.AbstractType<unknown>, CollectionName>(
    collections.map((name) => [collectionMap(doc, name) as Y.AbstractType<unknown>, name]),
  );
  const changes: TextChange[] = [];
  for (const [type, keys] of changed) {
    if (!(type instanceof Y.Map)) return undefined;
    let collection: CollectionName | typeof apiName | undefined;
    let id: string | undefined;
    if (type === api) collection = apiName;
    else if (type._item) {
      collection = parents.get(type._item.parent as Y.AbstractType<unknown>);
      id = type._item.parentSub ?? undefined;
      // A replaced element: its map is no longer the one its collection holds.
      if (collection === undefined || id === undefined || collectionMap(doc, collection).get(id) !== type) return undefined;
    }
    const allowed = collection === undefined ? undefined : freeText[collection];
    if (!collection || !allowed) return undefined;
    for (const key of keys) {
      if (key === null || !allowed.has(key)) return undefined;
      const value = type.get(key);
      if (typeof value !== 'string' && (value !== undefined || requiredText.has(key))) return undefined;
      changes.push(
        id === undefined ? { collection, field: key, value } : { collection, id, field: key, value: value as string | undefined },
      );
    }
  }
  return changes;
}
