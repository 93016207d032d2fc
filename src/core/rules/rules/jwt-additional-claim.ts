import { jwtClaimFormat, reservedJwtClaims } from '../../model';
import { apiReference } from '../describe';
import { defineDesignRule } from '../rule';

/** What API Gateway requires of an additional claim rule (API_JwtAdditionalClaim, API_JwtIssuerInput). */
export const jwtAdditionalClaim = defineDesignRule({
  id: 'jwt-additional-claim',
  severity: 'error',
  title: 'JWT additional claim API Gateway would refuse',
  why: "An additional claim makes a REST API's JWT authorizer refuse tokens from an issuer that lack a claim or carry another value. Each claim has a name, unique within its issuer, that is not one API Gateway checks itself (iss, aud, exp, nbf, iat, scope, scp: use audiences and method scopes for those), the format SINGLE_STRING, and accepted values that are not empty. API Gateway refuses the authorizer otherwise.",
  docsUrl: apiReference('API_JwtAdditionalClaim'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const authorizer of Object.values(design.authorizers)) {
      if (authorizer.kind !== 'JWT') continue;
      for (const entry of authorizer.jwtIssuers ?? []) {
        const seen = new Set<string>();
        for (const claim of entry.additionalClaims) {
          const where = `Authorizer ${authorizer.name}, issuer ${entry.issuer}`;
          const problem =
            claim.claimName.trim() === ''
              ? 'a claim has no name'
              : reservedJwtClaims.includes(claim.claimName)
                ? `the claim "${claim.claimName}" is one API Gateway checks itself`
                : seen.has(claim.claimName)
                  ? `the claim "${claim.claimName}" is listed twice`
                  : claim.format !== jwtClaimFormat
                    ? `the claim "${claim.claimName}" has the format "${claim.format}"; API Gateway accepts ${jwtClaimFormat} only`
                    : claim.expectedValues.some((value) => value === '')
                      ? `the claim "${claim.claimName}" has an empty accepted value`
                      : undefined;
          seen.add(claim.claimName);
          if (problem) report({ message: `${where}: ${problem}.`, target: { kind: 'authorizer', id: authorizer.id } });
        }
      }
    }
  },
});
