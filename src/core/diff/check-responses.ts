import type { MethodResponse } from '../model';
import { compareValues } from './compare-schemas';
import type { DiffContext } from './context';
import { pointerSegment } from './finding';
import type { ClientOperation } from './operations';
import { bodySchema } from './resolve-schema';

/** oasdiff's success codes: 200–299 (the ones a client's success path handles). */
function isSuccess(statusCode: string): boolean {
  const code = Number(statusCode);
  return Number.isInteger(code) && code >= 200 && code <= 299;
}

function byStatus(responses: MethodResponse[]): Map<string, MethodResponse> {
  const map = new Map<string, MethodResponse>();
  for (const response of responses) if (!map.has(response.statusCode)) map.set(response.statusCode, response);
  return map;
}

/** Status codes, their content types, headers and body schemas. */
export function checkResponses(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const before = byStatus(base.doc.responses);
  const after = byStatus(revision.doc.responses);
  for (const [status] of before)
    if (!after.has(status))
      context.findings.add(
        isSuccess(status) ? 'response-success-status-removed' : 'response-non-success-status-removed',
        `The ${status} response was removed.`,
        revision.label,
        `${base.where}/responses/${pointerSegment(status)}`,
      );
  for (const [status, response] of after) {
    const where = `${revision.where}/responses/${pointerSegment(status)}`;
    const old = before.get(status);
    if (!old) {
      context.findings.add(
        isSuccess(status) ? 'response-success-status-added' : 'response-non-success-status-added',
        `The ${status} response was added.`,
        revision.label,
        where,
      );
      continue;
    }
    for (const mediaType of Object.keys(old.content))
      if (!Object.hasOwn(response.content, mediaType))
        context.findings.add(
          'response-media-type-removed',
          `The ${status} response no longer comes as \`${mediaType}\`.`,
          revision.label,
          `${base.where}/responses/${pointerSegment(status)}/content/${pointerSegment(mediaType)}`,
        );
    for (const [mediaType, content] of Object.entries(response.content)) {
      const mediaWhere = `${where}/content/${pointerSegment(mediaType)}`;
      const oldContent = old.content[mediaType];
      if (!Object.hasOwn(old.content, mediaType) || !oldContent) {
        context.findings.add(
          'response-media-type-added',
          `The ${status} response may now come as \`${mediaType}\`.`,
          revision.label,
          mediaWhere,
        );
        continue;
      }
      compareValues(
        context,
        { direction: 'response', kind: 'body', operation: revision.label, where: `${mediaWhere}/schema`, property: [], status },
        bodySchema(context.base, oldContent),
        bodySchema(context.revision, content),
      );
    }
    const headersAfter = new Set(Object.keys(response.headers).map((name) => name.toLowerCase()));
    const headersBefore = new Set(Object.keys(old.headers).map((name) => name.toLowerCase()));
    for (const name of Object.keys(old.headers))
      if (!headersAfter.has(name.toLowerCase()))
        context.findings.add(
          'optional-response-header-removed',
          `The ${status} response no longer carries the header \`${name}\`.`,
          revision.label,
          `${base.where}/responses/${pointerSegment(status)}/headers/${pointerSegment(name)}`,
        );
    for (const name of Object.keys(response.headers))
      if (!headersBefore.has(name.toLowerCase()))
        context.findings.add(
          'response-header-added',
          `The ${status} response now carries the header \`${name}\`.`,
          revision.label,
          `${where}/headers/${pointerSegment(name)}`,
        );
  }
}
