import { jwtIssuerProblem } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * API Gateway reads the issuer's OpenID Connect discovery document at `{issuer}/.well-known/openid-configuration`
 * when the authorizer is created, and compares the issuer with each token's `iss` claim character for character.
 */
export const jwtIssuerUrl = defineDesignRule({
  id: 'jwt-issuer-url',
  severity: 'error',
  title: 'JWT issuer that is not an absolute https URL',
  why: "A REST API's JWT authorizer trusts issuers named by URL: an absolute https URL with a host and no user information, query or fragment, written exactly as the tokens' iss claim writes it (a trailing slash included). API Gateway fetches the issuer's discovery document from that URL when it creates the authorizer, and refuses the authorizer when the URL has another form.",
  docsUrl: guide('rest-api-jwt-authorizer-create'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const authorizer of Object.values(design.authorizers)) {
      if (authorizer.kind !== 'JWT') continue;
      for (const entry of authorizer.jwtIssuers ?? []) {
        const problem = jwtIssuerProblem(entry.issuer);
        if (problem)
          report({
            message: `Authorizer ${authorizer.name}, issuer "${entry.issuer}": ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
            target: { kind: 'authorizer', id: authorizer.id },
          });
      }
    }
  },
});
