import { updateAuthorizer } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * A Lambda authorizer's answer is cached 0–3600 s. `updateAuthorizer` refuses other values, but an
 * authorizer added whole (paste, import) is not checked there.
 */
export const authorizerTtlRange = defineDesignRule({
  id: 'authorizer-ttl-range',
  severity: 'error',
  title: 'Authorizer cache TTL outside 0–3600 seconds',
  why: "API Gateway can cache an authorizer's answer, keyed on the identity sources, so the function is not called on every request. The time-to-live is 0 (no caching) to 3600 seconds, and the upper bound cannot be raised.",
  docsUrl: guide('apigateway-use-lambda-authorizer'),
  reads: ['authorizers'],
  check(design, _index, report) {
    for (const authorizer of Object.values(design.authorizers)) {
      const ttl = authorizer.resultTtlSeconds;
      if (ttl === undefined || (Number.isInteger(ttl) && ttl >= 0 && ttl <= 3600)) continue;
      const fixed = Math.min(3600, Math.max(0, Math.round(ttl)));
      report({
        message: `Authorizer ${authorizer.name} caches its answer for ${ttl} s; the TTL is a whole number from 0 to 3600 s.`,
        target: { kind: 'authorizer', id: authorizer.id },
        fix: { label: `Set the TTL to ${fixed} s`, apply: (d) => updateAuthorizer(d, authorizer.id, { resultTtlSeconds: fixed }) },
      });
    }
  },
});
