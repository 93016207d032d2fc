import type { Design } from '../design';
import { refuse } from '../errors';
import type { IntegrationTestSamples, TestRequestSample, TestResponseSample } from '../integration';
import type { OperationOwnerId } from './wiring';
import { updateBinding } from './wiring';

/**
 * Samples travel with the design (autosave, files, share links): a few hundred kilobytes is plenty to try
 * a template, and a 10 MB body (API Gateway's payload quota) would make every save of the design slow.
 */
export const maxTestSamplesLength = 256 * 1024;

function textLength(record: Record<string, string>): number {
  let length = 0;
  for (const [key, value] of Object.entries(record)) length += key.length + value.length;
  return length;
}

function samplesLength(samples: IntegrationTestSamples): number {
  const request = samples.request;
  const response = samples.response;
  let length = 0;
  if (request)
    length +=
      textLength(request.pathParameters) +
      textLength(request.queryStringParameters) +
      textLength(request.headers) +
      textLength(request.context) +
      request.body.length;
  if (response) length += textLength(response.headers) + response.body.length + (response.errorMessage?.length ?? 0);
  return length;
}

/** Keeps (or, with undefined, removes) the test bench samples of a method's integration. */
export function setTestSamples(design: Design, ownerId: OperationOwnerId, samples: IntegrationTestSamples | undefined): Design {
  const empty = samples === undefined || (samples.request === undefined && samples.response === undefined);
  if (!empty && samplesLength(samples) > maxTestSamplesLength)
    refuse(
      'invalid-value',
      `Samples are kept with the design, up to ${maxTestSamplesLength / 1024} KB in all; shorten the sample body to try it here.`,
    );
  return updateBinding(design, ownerId, { testSamples: empty ? undefined : samples });
}

/** Sets the request sample, keeping the response sample. */
export function setTestRequestSample(design: Design, ownerId: OperationOwnerId, request: TestRequestSample): Design {
  const binding = (design.methods[ownerId as keyof Design['methods']] ?? design.routes[ownerId as keyof Design['routes']])?.integration;
  return setTestSamples(design, ownerId, { ...binding?.testSamples, request });
}

/** Sets the backend response sample, keeping the request sample. */
export function setTestResponseSample(design: Design, ownerId: OperationOwnerId, response: TestResponseSample): Design {
  const binding = (design.methods[ownerId as keyof Design['methods']] ?? design.routes[ownerId as keyof Design['routes']])?.integration;
  return setTestSamples(design, ownerId, { ...binding?.testSamples, response });
}
