/** Where a problem is in a template: 1-based line and column, as an editor shows them. */
export interface TemplatePosition {
  line: number;
  column?: number;
}

/** Which template of a render a problem is in: the one rendered, or the request template rendered before it. */
export type TemplateSource = 'template' | 'request-template';

export interface TemplateError extends TemplatePosition {
  /** `syntax`: the template does not parse; `runtime`: it failed while rendering; `limit`: it passed a bound. */
  kind: 'syntax' | 'runtime' | 'limit';
  /** One line a person understands. */
  message: string;
  source: TemplateSource;
}

/** Something that rendered but would surprise: a loop API Gateway stops, an override set twice. */
export interface TemplateWarning extends TemplatePosition {
  message: string;
  source: TemplateSource;
}

/**
 * Thrown inside a render for a failure the template caused (a bad JSONPath, a body that is not JSON); caught
 * at the engine's edge and turned into a `TemplateError` with the line being rendered. Never leaves the module.
 */
export class TemplateRuntimeError extends Error {
  readonly kind: 'runtime' | 'limit';
  constructor(message: string, kind: 'runtime' | 'limit' = 'runtime') {
    super(message);
    this.kind = kind;
  }
}

/** A bound of `TemplateLimits` was passed. */
export class TemplateLimitError extends TemplateRuntimeError {
  constructor(message: string) {
    super(message, 'limit');
  }
}
