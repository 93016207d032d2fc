import { isMap, isNode, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { lineIndex } from './line-index';

/**
 * The line of each note location (`paths./pets.get.responses`) in a document's text, for lint reports.
 * The text is read again by `yaml`, which keeps positions and reads JSON too (YAML 1.2 is a superset);
 * the importer itself does not keep positions (that would slow every import for a report most never
 * ask for). Keys may hold dots (`/v1.0/pets`), so each step takes the longest key that matches.
 * Returns undefined for a location it cannot find.
 */
export function noteLines(text: string): (path: string) => number | undefined {
  let contents: Node | null | undefined;
  let position: ((offset: number) => { line: number }) | undefined;
  const read = (): Node | null => {
    if (contents === undefined) {
      try {
        // Errors and warnings do not matter here: the text was read already, only positions are wanted.
        contents = parseDocument(text, { uniqueKeys: false, logLevel: 'silent', prettyErrors: false }).contents;
      } catch {
        contents = null;
      }
      position = lineIndex(text);
    }
    return contents;
  };
  return (path) => {
    let node: unknown = read();
    let rest = path;
    let offset = isNode(node) ? node.range?.[0] : undefined;
    while (rest.length > 0 && node) {
      let next: { node: unknown; offset: number | undefined; rest: string } | undefined;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          if (key === undefined || (rest !== key && !rest.startsWith(`${key}.`))) continue;
          const remaining = rest === key ? '' : rest.slice(key.length + 1);
          if (next && next.rest.length <= remaining.length) continue;
          next = { node: pair.value, offset: isNode(pair.key) ? pair.key.range?.[0] : undefined, rest: remaining };
        }
      } else if (isSeq(node)) {
        const match = /^(\d+)(?:\.|$)/.exec(rest);
        const item = match ? node.items[Number(match[1])] : undefined;
        if (match && item !== undefined)
          next = { node: item, offset: isNode(item) ? item.range?.[0] : undefined, rest: rest.slice(match[0].length) };
      }
      if (!next) break;
      node = next.node;
      rest = next.rest;
      offset = next.offset ?? offset;
    }
    if (rest.length > 0 || offset === undefined || !position) return undefined;
    return position(offset).line;
  };
}
