import type { ApiType } from '../model';
import { type ScaffoldEntry, type ScaffoldId, scaffoldAvailable, scaffoldCatalogue } from './catalogue';

// Apart from the catalogue, which loads before first paint: these are needed only once a scaffold is applied.

export function isScaffoldId(value: string): value is ScaffoldId {
  return scaffoldCatalogue.some((entry) => entry.id === value);
}

export function scaffoldEntry(id: ScaffoldId): ScaffoldEntry {
  return scaffoldCatalogue.find((entry) => entry.id === id) as ScaffoldEntry;
}

/** Why a scaffold cannot be applied on an API type, or undefined when it can. */
export function scaffoldProblem(id: ScaffoldId, apiType: ApiType): string | undefined {
  const entry = scaffoldEntry(id);
  if (scaffoldAvailable(entry, apiType)) return undefined;
  if (apiType === 'WEBSOCKET')
    return `${entry.title} is scaffolded for REST and HTTP APIs; on a WebSocket API, set up the AWS service integration by hand.`;
  const offered = scaffoldCatalogue
    .filter((candidate) => scaffoldAvailable(candidate, 'HTTP'))
    .map((candidate) => candidate.title)
    .join(', ');
  return `HTTP APIs cannot call ${entry.title}: they call AWS services only through first-class integrations (${offered}). Use a REST API, or a Lambda function.`;
}
