import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Payload compression (`x-amazon-apigateway-minimum-compression-size`) is a REST API setting. */
export const compressionRestOnly = defineDesignRule({
  id: 'compression-rest-only',
  severity: 'error',
  title: 'Payload compression is a REST API setting',
  why: 'A REST API can compress response bodies larger than a minimum size when the client accepts it. HTTP and WebSocket APIs have no compression setting; compress in the backend instead.',
  docsUrl: guide('api-gateway-gzip-compression-decompression'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type === 'REST' || design.api.minimumCompressionSize === undefined) return;
    report({
      message: `The API compresses responses, but ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs have no compression setting.`,
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Turn compression off', apply: (d) => updateApi(d, { minimumCompressionSize: undefined }) },
    });
  },
});
