import { type Method, setResponseTransferMode } from '../../model';
import { capitalized, guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * Payload compression (the API's minimum compression size) encodes whole responses; a streamed one is
 * passed on as it arrives, so API Gateway does not compress it.
 */
export const streamingWithCompression = defineDesignRule({
  id: 'streaming-with-compression',
  severity: 'warning',
  title: 'A streamed response is not compressed',
  why: 'With response transfer mode STREAM, API Gateway supports nothing that needs the whole response first, content encoding included: the API’s payload compression (minimum compression size) does not apply to streaming methods. Compress in the integration if the response should be compressed.',
  docsUrl: guide('response-transfer-mode'),
  reads: ['api', 'methods', 'resources'],
  operationFields: (owner) => [...labelFields(owner), owner.integration?.responseTransferMode],
  check(design, index, report) {
    if (design.api.type !== 'REST' || design.api.minimumCompressionSize === undefined) return;
    for (const method of index.values(design.methods) as Method[]) {
      if (method.integration?.responseTransferMode !== 'STREAM') continue;
      report({
        message: `${capitalized(index.label(method, design.resources))} streams its response, so the API’s payload compression does not apply to it; compress in the integration.`,
        target: { kind: 'method', id: method.id },
        fix: { label: 'Buffer the response instead', apply: (d) => setResponseTransferMode(d, method.id, undefined) },
      });
    }
  },
});
