import { generateCdk } from '../core/cdk';
import type { Design } from '../core/model';
import { type ExportProfile, exportOpenApi, stringifyDocument } from '../core/openapi';
import { slugify as fileSlug } from '../ui/files';
import { cutOpenApiText, type OpenApiText } from './openapi-text';

/** What the code view can show: an OpenAPI export in one of its versions and formats, or the CDK program. */
export type CodeTarget = 'openapi3' | 'swagger2' | 'cdk';
export type CodeFormat = 'yaml' | 'json';

export interface CodeRequest {
  target: CodeTarget;
  format: CodeFormat;
  /** Export as the named stage (servers/basePath name it); undefined = the stage-less export. */
  stageName?: string;
  /** OpenAPI only: `aws` (the default), the document API Gateway imports; `public`, the one its callers read. */
  profile?: ExportProfile;
}

export type RenderedCode =
  | { ok: true; text: string; language: 'yaml' | 'json' | 'typescript'; fileName: string; mimeType: string; notes: string[] }
  | { ok: false; message: string };

/**
 * The text of one code view tab, computed from the design (in the code view's worker, so that a large
 * export never blocks typing). The file name is what a download is called: `pet-store-openapi3.yaml`,
 * `pet-store-prod-swagger2.json`, `pet-store-prod-openapi3-public.yaml`, `pet-store-stack.ts`.
 */
export function renderCode(design: Design, request: CodeRequest): RenderedCode {
  return renderCodeInParts(design, request).result;
}

/**
 * `renderCode`, and for an OpenAPI export also the text's parts (see openapi-text.ts), from which the
 * code view keeps the text up to date edit by edit.
 */
export function renderCodeInParts(design: Design, request: CodeRequest): { result: RenderedCode; parts?: OpenApiText } {
  const slug = fileSlug(design.api.name);
  const stagePart = request.stageName ? `-${fileSlug(request.stageName)}` : '';
  if (request.target === 'cdk') {
    const openApi = design.api.type === 'REST' ? exportOpenApi(design, { version: '3.0' }) : undefined;
    const result = generateCdk(design, openApi?.ok ? { openApiDocument: openApi.document } : {});
    return {
      result: {
        ok: true,
        text: result.code,
        language: 'typescript',
        fileName: `${slug}-stack.ts`,
        mimeType: 'text/typescript',
        notes: result.notes,
      },
    };
  }
  const version = request.target === 'openapi3' ? '3.0' : '2.0';
  const isPublic = request.profile === 'public';
  const exported = exportOpenApi(design, { version, stageName: request.stageName, ...(isPublic ? { profile: 'public' as const } : {}) });
  if (!exported.ok) return { result: { ok: false, message: exported.message } };
  const extension = request.format === 'yaml' ? 'yaml' : 'json';
  const text = stringifyDocument(exported.document, request.format);
  // The public document is rewritten as a whole (its servers and left-out parts depend on the whole
  // design), so it is not followed path item by path item.
  const parts = design.api.type === 'REST' && !isPublic ? cutOpenApiText(text, exported.document, request.format) : undefined;
  return {
    result: {
      ok: true,
      text,
      language: request.format,
      fileName: `${slug}${stagePart}-${request.target}${isPublic ? '-public' : ''}.${extension}`,
      mimeType: request.format === 'yaml' ? 'application/yaml' : 'application/json',
      notes: exported.notes,
    },
    ...(parts ? { parts } : {}),
  };
}
