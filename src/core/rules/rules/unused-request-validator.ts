import { deleteRequestValidator } from '../../model';
import { guide, isRoute } from '../describe';
import { defineDesignRule } from '../rule';

/** A request validator that is neither the API default nor named by a method checks nothing. */
export const unusedRequestValidator = defineDesignRule({
  id: 'unused-request-validator',
  severity: 'info',
  title: 'Request validator that nothing uses',
  why: "A request validator takes effect on the methods that name it, or on every method when it is the API's default validator. One that is neither checks no request.",
  docsUrl: guide('api-gateway-method-request-validation'),
  reads: ['api', 'requestValidators', 'methods', 'routes'],
  operationFields: (owner) => [isRoute(owner) ? undefined : owner.requestValidatorId],
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    const usage = index.usage(design.methods, design.routes);
    for (const validator of Object.values(design.requestValidators))
      if (validator.id !== design.api.defaultRequestValidatorId && !usage.requestValidators.has(validator.id))
        report({
          message: `Request validator ${validator.name} is the default of nothing and used by no method.`,
          target: { kind: 'requestValidator', id: validator.id },
          fix: { label: 'Delete the request validator', apply: (d) => deleteRequestValidator(d, validator.id) },
        });
  },
});
