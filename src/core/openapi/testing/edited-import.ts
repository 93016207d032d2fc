import type { Design } from '../../model';
import { exportOpenApi } from '../export-openapi';
import { importOpenApi } from '../import-openapi';
import { stringifyDocument } from '../stringify';
import type { ImportResult } from '../types';

/** Exports `previous` as OpenAPI 3 YAML, edits the text, and imports it back against `previous` (the code view's Apply). */
export function editedImport(previous: Design, edit: (text: string) => string): Extract<ImportResult, { ok: true }> {
  const exported = exportOpenApi(previous, { version: '3.0' });
  if (!exported.ok) throw new Error(exported.message);
  const result = importOpenApi(edit(stringifyDocument(exported.document, 'yaml')), { previous });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}
