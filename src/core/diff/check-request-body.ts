import { compareValues } from './compare-schemas';
import type { DiffContext } from './context';
import { pointerSegment } from './finding';
import type { ClientOperation } from './operations';
import { bodySchema } from './resolve-schema';

/** The request body: added, removed, required or not, its content types and their schemas. */
export function checkRequestBody(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const before = base.doc.requestBody;
  const after = revision.doc.requestBody;
  const where = `${revision.where}/requestBody`;
  if (!before && !after) return;
  if (!before && after) {
    context.findings.add(
      after.required ? 'request-body-added-required' : 'request-body-added-optional',
      `A ${after.required ? 'required' : 'optional'} request body was added.`,
      revision.label,
      where,
    );
    return;
  }
  if (before && !after) {
    context.findings.add('request-body-removed', 'The request body was removed.', revision.label, `${base.where}/requestBody`);
    return;
  }
  if (!before || !after) return;
  if (before.required !== after.required)
    context.findings.add(
      after.required ? 'request-body-became-required' : 'request-body-became-optional',
      `The request body became ${after.required ? 'required' : 'optional'}.`,
      revision.label,
      `${where}/required`,
    );
  for (const mediaType of Object.keys(before.content))
    if (!Object.hasOwn(after.content, mediaType))
      context.findings.add(
        'request-body-media-type-removed',
        `The request body no longer accepts \`${mediaType}\`.`,
        revision.label,
        `${base.where}/requestBody/content/${pointerSegment(mediaType)}`,
      );
  for (const [mediaType, content] of Object.entries(after.content)) {
    const mediaWhere = `${where}/content/${pointerSegment(mediaType)}`;
    const old = before.content[mediaType];
    if (!Object.hasOwn(before.content, mediaType) || !old) {
      context.findings.add('request-body-media-type-added', `The request body now accepts \`${mediaType}\`.`, revision.label, mediaWhere);
      continue;
    }
    compareValues(
      context,
      { direction: 'request', kind: 'body', operation: revision.label, where: `${mediaWhere}/schema`, property: [] },
      bodySchema(context.base, old),
      bodySchema(context.revision, content),
    );
  }
}
