import { deleteRequestValidator } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Request validators are a REST API feature; an HTTP API passes requests to the integration unchecked. */
export const httpApiNoRequestValidation = defineDesignRule({
  id: 'http-api-no-request-validation',
  severity: 'error',
  title: 'HTTP APIs have no request validation',
  why: 'A REST API can check required parameters and the body against a model before it calls the integration. HTTP APIs have no request validators: the backend must validate what it receives.',
  docsUrl: guide('http-api-vs-rest'),
  reads: ['api', 'requestValidators'],
  check(design, _index, report) {
    if (design.api.type !== 'HTTP') return;
    for (const validator of Object.values(design.requestValidators))
      report({
        message: `Request validator ${validator.name} cannot exist on an HTTP API.`,
        target: { kind: 'requestValidator', id: validator.id },
        fix: { label: 'Delete the request validator', apply: (d) => deleteRequestValidator(d, validator.id) },
      });
  },
});
