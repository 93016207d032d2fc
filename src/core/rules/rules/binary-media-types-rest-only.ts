import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Binary media types are a REST API setting (`x-amazon-apigateway-binary-media-types`). */
export const binaryMediaTypesRestOnly = defineDesignRule({
  id: 'binary-media-types-rest-only',
  severity: 'error',
  title: 'Binary media types are a REST API setting',
  why: "A REST API treats a payload as binary only when its content type is listed in the API's binary media types. HTTP APIs decide per request (the Lambda event says whether the body is base64-encoded), and WebSocket APIs per integration, so the list has no meaning there.",
  docsUrl: guide('api-gateway-payload-encodings'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type === 'REST' || design.api.binaryMediaTypes.length === 0) return;
    report({
      message: `The API lists binary media types, which ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs do not have.`,
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Clear the binary media types', apply: (d) => updateApi(d, { binaryMediaTypes: [] }) },
    });
  },
});
