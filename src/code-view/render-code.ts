import { generateCdk } from '../core/cdk';
import type { Design } from '../core/model';
import { exportOpenApi, stringifyDocument } from '../core/openapi';
import { slugify as fileSlug } from '../ui/files';

/** What the code view can show: an OpenAPI export in one of its versions and formats, or the CDK program. */
export type CodeTarget = 'openapi3' | 'swagger2' | 'cdk';
export type CodeFormat = 'yaml' | 'json';

export interface CodeRequest {
  target: CodeTarget;
  format: CodeFormat;
  /** Export as the named stage (servers/basePath name it); undefined = the stage-less export. */
  stageName?: string;
}

export type RenderedCode =
  | { ok: true; text: string; language: 'yaml' | 'json' | 'typescript'; fileName: string; mimeType: string; notes: string[] }
  | { ok: false; message: string };

/**
 * The text of one code view tab, computed from the design (in the code view's worker, so that a large
 * export never blocks typing). The file name is what a download is called: `pet-store-openapi3.yaml`,
 * `pet-store-prod-swagger2.json`, `pet-store-stack.ts`.
 */
export function renderCode(design: Design, request: CodeRequest): RenderedCode {
  const slug = fileSlug(design.api.name);
  const stagePart = request.stageName ? `-${fileSlug(request.stageName)}` : '';
  if (request.target === 'cdk') {
    const openApi = design.api.type === 'REST' ? exportOpenApi(design, { version: '3.0' }) : undefined;
    const result = generateCdk(design, openApi?.ok ? { openApiDocument: openApi.document } : {});
    return {
      ok: true,
      text: result.code,
      language: 'typescript',
      fileName: `${slug}-stack.ts`,
      mimeType: 'text/typescript',
      notes: result.notes,
    };
  }
  const version = request.target === 'openapi3' ? '3.0' : '2.0';
  const exported = exportOpenApi(design, { version, stageName: request.stageName });
  if (!exported.ok) return { ok: false, message: exported.message };
  const extension = request.format === 'yaml' ? 'yaml' : 'json';
  return {
    ok: true,
    text: stringifyDocument(exported.document, request.format),
    language: request.format,
    fileName: `${slug}${stagePart}-${request.target}.${extension}`,
    mimeType: request.format === 'yaml' ? 'application/yaml' : 'application/json',
    notes: exported.notes,
  };
}
