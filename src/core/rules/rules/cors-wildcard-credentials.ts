import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Browsers refuse a credentialed response whose Access-Control-Allow-Origin is `*`, and HTTP APIs refuse the configuration. */
export const corsWildcardCredentials = defineDesignRule({
  id: 'cors-wildcard-credentials',
  severity: 'error',
  title: 'CORS allows any origin together with credentials',
  why: 'With credentials allowed (cookies, Authorization headers), the CORS standard requires the exact origin in Access-Control-Allow-Origin: browsers reject a credentialed response that says *, and an HTTP API refuses a CORS configuration that combines them. List the origins of your web app instead.',
  docsUrl: guide('http-api-cors'),
  reads: ['api'],
  check(design, _index, report) {
    const cors = design.api.cors;
    if (!cors?.allowCredentials || !cors.allowOrigins.includes('*')) return;
    report({
      message: 'CORS allows every origin (*) and credentials at once, which browsers refuse.',
      target: { kind: 'api', id: 'api' },
      fix: {
        label: 'Do not allow credentials',
        apply: (d) => (d.api.cors ? updateApi(d, { cors: { ...d.api.cors, allowCredentials: false } }) : d),
      },
    });
  },
});
