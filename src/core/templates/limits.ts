/**
 * The bounds a render keeps. API Gateway's own quotas where it has one (sources beside each), Portico's where
 * it has none: templates are untrusted, so every render is bounded in time, loops, sizes and depth.
 */
export interface TemplateLimits {
  /**
   * A template longer than this (in UTF-16 code units) is refused before it is parsed.
   * API Gateway accepts mapping templates up to 300 KB (reference/apigw-extensions.md, quotas table).
   */
  maxTemplateLength: number;
  /**
   * A `#foreach` stops after this many iterations, silently, as Velocity's `directive.foreach.maxloops`
   * does; the render reports it as a warning. API Gateway: "Number of iterations in a #foreach ... #end
   * loop in mapping templates: 1000" (developer guide, limits.md).
   */
  maxForeachIterations: number;
  /**
   * The rendered output, and any string built on the way, may not pass this many characters. API Gateway's
   * payload quota is 10 MB (limits.md), so nothing larger could be sent or returned.
   */
  maxOutputLength: number;
  /** A sample body larger than this is refused: API Gateway's payload quota, 10 MB (limits.md). */
  maxBodyLength: number;
  /** A range literal `[a..b]` may not build more items than this (Portico's bound: Velocity builds the whole list). */
  maxRangeItems: number;
  /** JSON (a body, `$util.parseJson`, the sample's context) may not nest deeper than this. */
  maxJsonDepth: number;
  /**
   * Wall-clock time a render may take, checked between steps of the template. A worker running renders
   * should also be terminated from outside after a while: one step (a regular expression) cannot be
   * interrupted from inside.
   */
  timeLimitMs: number;
}

export const defaultTemplateLimits: Readonly<TemplateLimits> = Object.freeze({
  maxTemplateLength: 300 * 1024,
  maxForeachIterations: 1000,
  maxOutputLength: 10 * 1024 * 1024,
  maxBodyLength: 10 * 1024 * 1024,
  maxRangeItems: 100_000,
  maxJsonDepth: 1000,
  timeLimitMs: 2000,
});

/** The limits with the caller's overrides; a value that is not a positive number keeps the default. */
export function resolveLimits(overrides: Partial<TemplateLimits> | undefined): TemplateLimits {
  const limits: TemplateLimits = { ...defaultTemplateLimits };
  if (!overrides) return limits;
  for (const key of Object.keys(limits) as (keyof TemplateLimits)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = Math.floor(value);
  }
  return limits;
}

/** `10 MB`, `300 KB`: limits as people read them. */
export function sizeText(characters: number): string {
  if (characters >= 1024 * 1024) return `${+(characters / 1024 / 1024).toFixed(1)} MB`;
  if (characters >= 1024) return `${+(characters / 1024).toFixed(1)} KB`;
  return `${characters} characters`;
}
