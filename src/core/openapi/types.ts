import type { Design, JsonObject } from '../model';
import type { ExportProfile } from './public-profile';

/** The two OpenAPI generations API Gateway imports: OpenAPI 3.0.x and Swagger (OpenAPI) 2.0. */
export type OpenApiVersion = '3.0' | '2.0';

export interface ExportOptions {
  version: OpenApiVersion;
  /** Export as API Gateway's per-stage export does: servers (3.0) / basePath (2.0) name the stage, stage variables stay `${stageVariables.x}`. */
  stageName?: string;
  /** `aws` (the default): for API Gateway's importer; `public`: for the API's callers (see public-profile.ts). */
  profile?: ExportProfile;
}

export type ExportResult = { ok: true; document: JsonObject; notes: string[] } | { ok: false; message: string };

/**
 * How much an import note matters. error: API Gateway would refuse the part, or the importer dropped data;
 * warning: the importer changed something (or kept it without effect); info: for the record.
 */
export type NoteSeverity = 'error' | 'warning' | 'info';

/** Something the importer could not represent, or changed; `path` is a JSON-pointer-ish location such as `paths./pets.get`. */
export interface ImportNote {
  message: string;
  path?: string;
  /** Missing means 'warning'. */
  severity?: NoteSeverity;
  /** A rule id such as `import/duplicate-key`; missing means the one its severity and path give (see `noteRule`). */
  rule?: string;
  /** The 1-based line in the document's text, when the note knows it. */
  line?: number;
}

/** An import note as the import reports it: with its severity and rule id, so that lint and the Problems panel list it as a finding. */
export interface ImportFinding extends ImportNote {
  severity: NoteSeverity;
  rule: string;
}

/** REST API or HTTP API: what reading a document as one type would lose (see `assessApiType`). */
export interface ApiTypeLoss {
  /** Names the part and why: `PUT /streams/{name}: its aws integration (HTTP APIs call AWS services only through …)`. */
  message: string;
  path?: string;
  /** dropped: API Gateway would refuse it or it would stop working; ignored: kept as written, without effect on this type. */
  effect: 'dropped' | 'ignored';
}

export interface ApiTypeLosses {
  REST: ApiTypeLoss[];
  HTTP: ApiTypeLoss[];
}

export type ImportResult =
  | { ok: true; design: Design; version: OpenApiVersion; notes: ImportFinding[] }
  | {
      ok: false;
      error: { message: string; line?: number; column?: number };
      /**
       * Set when the document could be a REST API or an HTTP API and each reading loses something (or
       * neither does and its extensions point both ways): what each would lose. Import again with
       * `apiType` once the user has chosen.
       */
      ambiguous?: ApiTypeLosses;
    };

export interface ImportOptions {
  /**
   * When re-importing an edited export (the code view's "Apply"), reuse the ids and canvas positions of
   * matching elements of this design (same resource path, same verb on it, same route key, same
   * authorizer/model/validator/stage name, same integration target) so that the canvas does not jump;
   * new elements get auto-layout positions. The document is read as this design's API type (REST or
   * HTTP): an edit does not change it.
   */
  previous?: Design;
  /**
   * Read the document as this API type instead of detecting it (the user's answer to an ambiguous
   * document). What the type cannot hold is listed in the notes as errors. Ignored for Swagger 2.0,
   * which API Gateway imports as REST APIs only.
   */
  apiType?: 'REST' | 'HTTP';
}
