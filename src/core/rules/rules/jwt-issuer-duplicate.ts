import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Issuer URLs must be unique within one JWT authorizer (API_JwtConfigurationInput). */
export const jwtIssuerDuplicate = defineDesignRule({
  id: 'jwt-issuer-duplicate',
  severity: 'error',
  title: 'JWT issuer listed twice on one authorizer',
  why: "A REST API's JWT authorizer matches a token to the issuer whose URL equals its iss claim, so each issuer is listed once, with every audience and additional claim that applies to its tokens. API Gateway refuses an authorizer that lists the same issuer URL twice.",
  docsUrl: guide('rest-api-jwt-authorizer-create'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const authorizer of Object.values(design.authorizers)) {
      if (authorizer.kind !== 'JWT') continue;
      const seen = new Set<string>();
      const repeated = new Set<string>();
      for (const entry of authorizer.jwtIssuers ?? []) {
        if (seen.has(entry.issuer)) repeated.add(entry.issuer);
        seen.add(entry.issuer);
      }
      for (const issuer of repeated)
        report({
          message: `Authorizer ${authorizer.name} lists the issuer ${issuer} more than once: merge the entries into one, with all their audiences and claims.`,
          target: { kind: 'authorizer', id: authorizer.id },
        });
    }
  },
});
