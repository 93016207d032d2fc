/**
 * How much a change matters to the API's existing clients, in oasdiff's three levels (ERR, WARN, INFO):
 * `breaking` breaks a client that followed the old contract, `warning` may (it cannot be decided from
 * the documents alone), `info` does not.
 */
export type ChangeLevel = 'breaking' | 'warning' | 'info';

export const changeLevels: readonly ChangeLevel[] = ['breaking', 'warning', 'info'];

/** Order for sorting and for `--fail-on`: a lower rank is more severe. */
export function levelRank(level: ChangeLevel): number {
  return changeLevels.indexOf(level);
}

/** One change between two designs, judged for the API's clients. */
export interface ChangeFinding {
  /** The check's id: oasdiff's id where oasdiff has the check, `apigw-…` for API Gateway's own. */
  id: string;
  level: ChangeLevel;
  /** What changed, in one sentence. */
  message: string;
  /** The operation it concerns (`GET /pets/{id}`, a route key); absent for API-wide changes (stages, usage plans). */
  operation?: string;
  /** Where, as a JSON pointer into the revision's OpenAPI document or design (`/paths/~1pets/get/parameters/query/limit`). */
  where: string;
  /** Why it breaks clients, may break them, or does not. */
  why: string;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...segments: string[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}
