import { allResourcePaths, type Design, type JsonObject, type Method, type Resource, type ResourceId, resourcePath } from '../core/model';
import { exportOpenApi, type OpenApiVersion, stringifyDocument } from '../core/openapi';
import { itemSeparator, type OpenApiText, pathItemText } from './openapi-text';

/** Replace `[start, end)` of the old text with `text`; offsets are UTF-16 code units of the old text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits, all given against `text` and sorted by position. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

export interface IncrementalRequest {
  version: OpenApiVersion;
  format: 'yaml' | 'json';
  stageName?: string;
}

/** A path item of the text, and the resource that writes it. */
interface Segment {
  id: ResourceId;
  key: string;
  /** The item's text with what separates it from the item before (see `segmentText`). */
  text: string;
}

/** Above this many path items to export again, a full export (in the worker) is as quick and simpler. */
const maxExported = 40;
/** Above this many path items to re-key (a rename near the root), likewise. */
const maxRekeyed = 400;

/** Design fields the OpenAPI export does not read: changing them changes no text. */
const unread = new Set<keyof Design>(['layout']);

/** What an edit changes in the text: items to export again, and items whose path (key) only changed. */
interface Touched {
  exported: Set<ResourceId>;
  rekeyed: Set<ResourceId>;
}

/**
 * Keeps the OpenAPI text of a REST design up to date edit by edit. When an edit changes only resources
 * and methods (what typing in the inspector does), only the path items of the resources it touches are
 * exported again, from a small design holding just them; the paths below a renamed resource get their
 * new key and keep their text. The result is a few small text edits instead of a new megabyte-long
 * text. Anything else (another part of the design, a resource added, removed or reordered, the API key
 * scheme appearing or going) answers `undefined`: export the whole document. The tests check, edit
 * after edit, that the text equals a full export's.
 */
export class IncrementalOpenApi {
  private constructor(
    private readonly request: IncrementalRequest,
    private design: Design,
    private readonly prefix: string,
    private readonly suffix: string,
    private segments: Segment[],
    private readonly bySegment: Map<ResourceId, Segment>,
    private readonly pathOf: Map<ResourceId, string>,
    private readonly owners: Map<string, ResourceId>,
    /** Each resource's place in `design.resources` (the same keys, in the same order, for as long as this object follows). */
    private readonly order: Map<ResourceId, number>,
    private readonly notes: Set<string>,
  ) {}

  /** Starts from a full export's text (its parts) of `design`; undefined when the text cannot be kept up to date by parts. */
  static from(design: Design, request: IncrementalRequest, parts: OpenApiText, notes: readonly string[]): IncrementalOpenApi | undefined {
    if (design.api.type !== 'REST' || parts.format !== request.format) return undefined;
    for (const method of Object.values(design.methods) as Method[]) if (holdsPathRef(method)) return undefined;
    for (const resource of Object.values(design.resources) as Resource[]) if (holdsPathRef(resource)) return undefined;
    const pathOf = allResourcePaths(design);
    const owners = new Map<string, ResourceId>();
    for (const [id, path] of pathOf) {
      // Two resources on one path (a design error the rules report) write one item: no telling whose.
      if (owners.has(path)) return undefined;
      owners.set(path, id);
    }
    const segments: Segment[] = [];
    const bySegment = new Map<ResourceId, Segment>();
    for (const [index, key] of parts.keys.entries()) {
      const id = owners.get(key);
      if (id === undefined) return undefined;
      const segment = { id, key, text: segmentText(parts.items[index] as string, segments.length === 0, request.format) };
      segments.push(segment);
      bySegment.set(id, segment);
    }
    const order = new Map<ResourceId, number>();
    for (const [index, id] of (Object.keys(design.resources) as ResourceId[]).entries()) order.set(id, index);
    return new IncrementalOpenApi(request, design, parts.prefix, parts.suffix, segments, bySegment, pathOf, owners, order, new Set(notes));
  }

  /** The whole text. */
  text(): string {
    let text = this.prefix;
    for (const segment of this.segments) text += segment.text;
    return text + this.suffix;
  }

  /** Notes of the export (the first full export's, and any an edited path item added). */
  currentNotes(): string[] {
    return [...this.notes];
  }

  /**
   * Brings the text to `design`: the edits that turn the last text into the new one, or undefined when
   * this edit needs a full export. After undefined, this object is stale: start again with `from`.
   */
  update(design: Design): TextEdit[] | undefined {
    const previous = this.design;
    if (design === previous) return [];
    for (const key of Object.keys(design) as (keyof Design)[])
      if (design[key] !== previous[key] && key !== 'resources' && key !== 'methods' && !unread.has(key)) return undefined;
    const touched = touchedResources(previous, design);
    if (!touched) return undefined;
    if (touched.exported.size === 0 && touched.rekeyed.size === 0) {
      this.design = design;
      return [];
    }
    if (touched.exported.size > maxExported || touched.rekeyed.size > maxRekeyed) return undefined;
    for (const id of touched.exported) if (holdsPathRef(design.resources[id])) return undefined;
    for (const method of Object.values(design.methods) as Method[])
      if (touched.exported.has(method.resourceId) && method !== previous.methods[method.id] && holdsPathRef(method)) return undefined;

    // New paths of the touched resources; a path another resource has is a clash the full export settles.
    const paths = new Map<ResourceId, string>();
    for (const id of [...touched.exported, ...touched.rekeyed]) paths.set(id, resourcePath(design, id));
    for (const id of paths.keys()) this.owners.delete(this.pathOf.get(id) as string);
    for (const [id, path] of paths) {
      if (this.owners.has(path)) return undefined;
      this.owners.set(path, id);
      this.pathOf.set(id, path);
    }

    const items = touched.exported.size > 0 ? this.exportItems(design, touched.exported) : {};
    if (!items) return undefined;

    // The new segments in resource order: exported items written again, re-keyed items with a new first
    // line, the others kept as they are.
    const replaced = new Map<ResourceId, Segment | null>();
    for (const id of touched.exported) {
      const key = this.pathOf.get(id) as string;
      const item = Object.hasOwn(items, key) ? pathItemText(key, items[key] ?? null, this.request.format) : undefined;
      replaced.set(id, item === undefined ? null : { id, key, text: segmentText(item, false, this.request.format) });
    }
    /** Re-keyed items: where in the item the key text starts, and its old and new text. */
    const keyEdits = new Map<ResourceId, { at: number; before: string; after: string }>();
    for (const id of touched.rekeyed) {
      const segment = this.bySegment.get(id);
      if (!segment) continue;
      const key = this.pathOf.get(id) as string;
      const rekey = rekeyed(segment.text, segment.key, key, this.request.format);
      if (rekey === undefined) return undefined;
      replaced.set(id, { id, key, text: rekey.text });
      keyEdits.set(id, rekey);
    }
    const inserted = [...replaced.entries()]
      .filter(([id, segment]) => segment !== null && !this.bySegment.has(id))
      .sort((a, b) => (this.order.get(a[0]) ?? 0) - (this.order.get(b[0]) ?? 0));

    const edits: TextEdit[] = [];
    const next: Segment[] = [];
    let offset = this.prefix.length;
    let insertAt = 0;
    const place = (segment: Segment) => {
      // JSON: the first item has no comma before it.
      const first = next.length === 0;
      const text =
        this.request.format === 'json' && segment.text.startsWith(',') === first
          ? first
            ? segment.text.slice(itemSeparator('json').length)
            : itemSeparator('json') + segment.text
          : segment.text;
      next.push(text === segment.text ? segment : { ...segment, text });
      return text;
    };
    const insertBefore = (position: number) => {
      while (insertAt < inserted.length && (this.order.get((inserted[insertAt] as [ResourceId, Segment])[0]) ?? 0) < position) {
        const text = place((inserted[insertAt] as [ResourceId, Segment])[1]);
        edits.push({ start: offset, end: offset, text });
        insertAt += 1;
      }
    };
    for (const segment of this.segments) {
      insertBefore(this.order.get(segment.id) ?? 0);
      const replacement = replaced.has(segment.id) ? replaced.get(segment.id) : segment;
      const keyEdit = keyEdits.get(segment.id);
      if (replacement) {
        const text = place(replacement);
        if (keyEdit && text === replacement.text) edits.push(minimalEdit(keyEdit.before, keyEdit.after, offset + keyEdit.at));
        else if (text !== segment.text) edits.push(minimalEdit(segment.text, text, offset));
      } else edits.push({ start: offset, end: offset + segment.text.length, text: '' });
      offset += segment.text.length;
    }
    insertBefore(Number.POSITIVE_INFINITY);

    this.segments = next;
    this.bySegment.clear();
    for (const segment of next) this.bySegment.set(segment.id, segment);
    this.design = design;
    return mergeTouching(edits);
  }

  /**
   * The path items of some resources, exported from a design that holds only them, their ancestors, one
   * child of each (so that a resource with children is not taken for a leaf, which is written even
   * without methods) and their methods: a few milliseconds however big the design.
   */
  private exportItems(design: Design, exported: Set<ResourceId>): JsonObject | undefined {
    const keep = new Set<ResourceId>();
    for (const id of exported) {
      let current: Resource | undefined = design.resources[id];
      while (current && !keep.has(current.id)) {
        keep.add(current.id);
        current = current.parentId === null ? undefined : design.resources[current.parentId];
      }
    }
    const childOf = new Set<ResourceId>();
    for (const resource of Object.values(design.resources) as Resource[])
      if (resource.parentId !== null && exported.has(resource.parentId) && !childOf.has(resource.parentId)) {
        childOf.add(resource.parentId);
        keep.add(resource.id);
      }
    const resources: Record<string, Resource> = {};
    for (const id of Object.keys(design.resources) as ResourceId[]) if (keep.has(id)) resources[id] = design.resources[id] as Resource;
    const methods: Record<string, Method> = {};
    for (const method of Object.values(design.methods) as Method[]) if (exported.has(method.resourceId)) methods[method.id] = method;
    const result = exportOpenApi(
      { ...design, resources: resources as Design['resources'], methods: methods as Design['methods'] },
      { version: this.request.version, stageName: this.request.stageName },
    );
    if (!result.ok) return undefined;
    for (const note of result.notes) this.notes.add(note);
    return result.document.paths as JsonObject;
  }
}

/**
 * Whether a resource or method holds a local `$ref` into the document outside `components` (a schema
 * the user pointed at another operation's part, `#/paths/…`). The export leaves out references that
 * point at nothing (export-openapi.ts), and whether such a one does depends on path items this class
 * does not export again: a design holding one is exported whole. References to models
 * (`#/components/schemas/…`) resolve the same either way: models are not followed here.
 */
function holdsPathRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsPathRef);
  if (value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') {
      if (item.startsWith('#') && !item.startsWith('#/components/') && !item.startsWith('#/definitions/')) return true;
    } else if (holdsPathRef(item)) return true;
  }
  return false;
}

function anyApiKeyRequired(methods: Design['methods']): boolean {
  for (const method of Object.values(methods) as Method[]) if (method.apiKeyRequired) return true;
  return false;
}

/**
 * What differs between two designs that differ only in resources and methods; undefined when the
 * difference is one this class does not follow (a resource added, removed or reordered; methods
 * reordered; the API key scheme appearing or going).
 */
function touchedResources(previous: Design, next: Design): Touched | undefined {
  const exported = new Set<ResourceId>();
  const rekeyed = new Set<ResourceId>();
  if (previous.resources !== next.resources) {
    const before = Object.keys(previous.resources) as ResourceId[];
    const after = Object.keys(next.resources) as ResourceId[];
    if (before.length !== after.length) return undefined;
    const moved: ResourceId[] = [];
    for (let index = 0; index < after.length; index += 1) {
      const id = after[index] as ResourceId;
      if (before[index] !== id) return undefined;
      const a = previous.resources[id] as Resource;
      const b = next.resources[id] as Resource;
      if (a === b) continue;
      exported.add(id);
      if (a.pathPart !== b.pathPart || a.parentId !== b.parentId) {
        moved.push(id);
        // Whether a resource is a leaf (and so written even without methods) can change for both parents.
        if (a.parentId !== b.parentId) {
          if (a.parentId !== null) exported.add(a.parentId);
          if (b.parentId !== null) exported.add(b.parentId);
        }
      }
    }
    if (moved.length > 0) {
      // Every path below a moved or renamed resource moves with it; the items themselves are the same.
      const children = new Map<ResourceId, ResourceId[]>();
      for (const resource of Object.values(next.resources) as Resource[]) {
        if (resource.parentId === null) continue;
        const list = children.get(resource.parentId);
        if (list) list.push(resource.id);
        else children.set(resource.parentId, [resource.id]);
      }
      const visited = new Set<ResourceId>();
      const pending = moved.flatMap((id) => children.get(id) ?? []);
      while (pending.length > 0) {
        const id = pending.pop() as ResourceId;
        if (visited.has(id)) continue;
        visited.add(id);
        rekeyed.add(id);
        if (rekeyed.size > maxRekeyed) return { exported, rekeyed };
        for (const child of children.get(id) ?? []) pending.push(child);
      }
    }
  }
  if (previous.methods !== next.methods) {
    const before = Object.keys(previous.methods);
    const after = Object.keys(next.methods);
    const methodsBefore = previous.methods as Record<string, Method>;
    const methodsAfter = next.methods as Record<string, Method>;
    let apiKeys = false;
    const compare = (id: string) => {
      const a = methodsBefore[id];
      const b = methodsAfter[id];
      if (a === b) return;
      if (a) exported.add(a.resourceId);
      if (b) exported.add(b.resourceId);
      if ((a?.apiKeyRequired ?? false) !== (b?.apiKeyRequired ?? false)) apiKeys = true;
    };
    if (before.length === after.length && before.every((id, index) => after[index] === id)) for (const id of after) compare(id);
    else {
      // Methods are written in design order: kept methods must keep their order (new ones may come anywhere).
      const remaining = before.filter((id) => Object.hasOwn(methodsAfter, id));
      const existing = after.filter((id) => Object.hasOwn(methodsBefore, id));
      if (remaining.length !== existing.length || remaining.some((id, index) => existing[index] !== id)) return undefined;
      for (const id of new Set([...before, ...after])) compare(id);
    }
    // The API key security scheme is written when any method requires a key.
    if (apiKeys && anyApiKeyRequired(previous.methods) !== anyApiKeyRequired(next.methods)) return undefined;
  }
  for (const id of exported) rekeyed.delete(id);
  return { exported, rekeyed };
}

/** A path item's place in the text: YAML items each end with a line break; JSON items after the first start with a comma. */
function segmentText(item: string, first: boolean, format: 'yaml' | 'json'): string {
  return format === 'yaml' ? `${item}\n` : first ? item : itemSeparator('json') + item;
}

/** A path key as the writer puts it before its colon (YAML quotes some keys). */
function keyText(key: string, format: 'yaml' | 'json'): string {
  if (format === 'json') return JSON.stringify(key);
  const line = stringifyDocument({ [key]: null }, 'yaml');
  return line.slice(0, line.lastIndexOf(': null'));
}

/** The same item under another path: its first line's key replaced (and where); undefined if the text is not as expected. */
function rekeyed(
  text: string,
  oldKey: string,
  newKey: string,
  format: 'yaml' | 'json',
): { text: string; at: number; before: string; after: string } | undefined {
  const separator = format === 'json' && text.startsWith(',') ? itemSeparator('json') : '';
  const at = separator.length + (format === 'yaml' ? 2 : 4);
  const before = keyText(oldKey, format);
  const after = keyText(newKey, format);
  if (!text.startsWith(before, at) || text[at + before.length] !== ':' || text.slice(separator.length, at).trim() !== '') return undefined;
  return { text: text.slice(0, at) + after + text.slice(at + before.length), at, before, after };
}

/** The edit that turns `before` (at `offset` in the text) into `after`, trimmed to what differs. */
function minimalEdit(before: string, after: string, offset: number): TextEdit {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end += 1;
  return { start: offset + start, end: offset + before.length - end, text: after.slice(start, after.length - end) };
}

/** Joins edits that touch (a deletion next to an insertion) into one. */
function mergeTouching(edits: TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const last = merged.at(-1);
    if (last && last.end === edit.start) merged[merged.length - 1] = { start: last.start, end: edit.end, text: last.text + edit.text };
    else merged.push(edit);
  }
  return merged;
}
