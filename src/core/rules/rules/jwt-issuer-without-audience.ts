import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Each issuer needs at least one audience, and none may be empty (API_JwtIssuerInput). */
export const jwtIssuerWithoutAudience = defineDesignRule({
  id: 'jwt-issuer-without-audience',
  severity: 'error',
  title: 'JWT issuer without an audience',
  why: "A REST API's JWT authorizer accepts a token from an issuer only when the token's aud claim holds one of the audiences listed for that issuer, so every issuer needs at least one, and none can be empty: without it API Gateway refuses the authorizer. An audience is usually the client id of an app or the identifier of an API at the identity provider.",
  docsUrl: guide('rest-api-jwt-authorizer-create'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const authorizer of Object.values(design.authorizers)) {
      if (authorizer.kind !== 'JWT') continue;
      for (const entry of authorizer.jwtIssuers ?? []) {
        if (entry.audiences.length === 0)
          report({
            message: `Authorizer ${authorizer.name}: issuer ${entry.issuer} has no audience; add the client id or API identifier its tokens carry in aud.`,
            target: { kind: 'authorizer', id: authorizer.id },
          });
        else if (entry.audiences.some((audience) => audience.trim() === ''))
          report({
            message: `Authorizer ${authorizer.name}: issuer ${entry.issuer} has an empty audience; remove it.`,
            target: { kind: 'authorizer', id: authorizer.id },
          });
      }
    }
  },
});
