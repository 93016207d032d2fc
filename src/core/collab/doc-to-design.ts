import type * as Y from 'yjs';
import { type Design, parseDesign } from '../model';
import { DamagedDoc, docHoldsDesign, readDocJson } from './read-doc';
import { type Repair, repairDesign } from './repair-design';
import { applyDesignToDoc } from './write-design';

export type DocToDesignResult =
  | {
      ok: true;
      design: Design;
      /** What was repaired after a merge; empty when the doc is valid as it is. */
      repairs: Repair[];
    }
  | {
      ok: false;
      /** `empty`: no design was written to the doc yet (a new room). `invalid`: the doc cannot be read as a design. */
      code: 'empty' | 'invalid' | 'newer-version';
      message: string;
    };

interface Read {
  result: DocToDesignResult;
  /** The design as the doc holds it, before repairs (only when it could be read). */
  raw?: Design;
}

function read(doc: Y.Doc): Read {
  if (!docHoldsDesign(doc)) return { result: { ok: false, code: 'empty', message: 'The session holds no design yet.' } };
  let raw: Design;
  let repaired: { design: Design; repairs: Repair[] };
  try {
    raw = readDocJson(doc) as unknown as Design;
    repaired = repairDesign(raw);
  } catch (error) {
    // A doc no Portico client writes (hostile or damaged): the shape the repairs rely on is missing.
    if (error instanceof DamagedDoc || error instanceof TypeError)
      return { result: { ok: false, code: 'invalid', message: `The shared design is damaged: ${error.message}` } };
    throw error;
  }
  const parsed = parseDesign(repaired.design);
  if (!parsed.ok)
    return {
      result: {
        ok: false,
        code: parsed.code === 'newer-version' ? 'newer-version' : 'invalid',
        message: parsed.code === 'newer-version' ? parsed.message : `The shared design is damaged: ${parsed.message}`,
      },
    };
  return { result: { ok: true, design: parsed.design, repairs: repaired.repairs }, raw };
}

/**
 * The design a shared doc holds, read through the model's gate (`parseDesign`) after the deterministic
 * repairs of what a merge can break (`repairDesign`): the same doc gives the same design and the same
 * repairs on every client. Never throws for a doc's content.
 */
export function docToDesign(doc: Y.Doc): DocToDesignResult {
  return read(doc).result;
}

/**
 * Writes the repairs into the doc, so that they are made once for everyone (the server does this after
 * each change) and an element merged away cannot come back when the one kept is edited. Writing the same
 * repair from two places at once is harmless: both write the same values. Returns what was repaired.
 */
export function repairDoc(doc: Y.Doc, origin: unknown): DocToDesignResult {
  const { result, raw } = read(doc);
  if (result.ok && raw && result.repairs.length > 0) applyDesignToDoc(doc, raw, result.design, origin);
  return result;
}
