import type { Design, JsonObject } from '../model';

/** The two OpenAPI generations API Gateway imports: OpenAPI 3.0.x and Swagger (OpenAPI) 2.0. */
export type OpenApiVersion = '3.0' | '2.0';

export interface ExportOptions {
  version: OpenApiVersion;
  /** Export as API Gateway's per-stage export does: servers (3.0) / basePath (2.0) name the stage, stage variables stay `${stageVariables.x}`. */
  stageName?: string;
}

export type ExportResult = { ok: true; document: JsonObject; notes: string[] } | { ok: false; message: string };

/** Something the importer could not represent, or changed; `path` is a JSON-pointer-ish location such as `paths./pets.get`. */
export interface ImportNote {
  message: string;
  path?: string;
}

export type ImportResult =
  | { ok: true; design: Design; version: OpenApiVersion; notes: ImportNote[] }
  | { ok: false; error: { message: string; line?: number; column?: number } };

export interface ImportOptions {
  /**
   * When re-importing an edited export (the code view's "Apply"), reuse the ids and canvas positions of
   * matching elements of this design (same resource path, same verb on it, same route key, same
   * authorizer/model/validator/stage name, same integration target) so that the canvas does not jump;
   * new elements get auto-layout positions.
   */
  previous?: Design;
}
