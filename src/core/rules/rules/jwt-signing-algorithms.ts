import { jwtAlgorithms, setJwtAlgorithm } from '../../model';
import { apiReference } from '../describe';
import { defineDesignRule } from '../rule';

/** `DefaultAlgorithms` is required and takes RS256/384/512 and ES256/384/512 only (API_JwtConfigurationInput). */
export const jwtSigningAlgorithms = defineDesignRule({
  id: 'jwt-signing-algorithms',
  severity: 'error',
  title: 'JWT authorizer without signing algorithms API Gateway accepts',
  why: "A REST API's JWT authorizer checks each token's signature with the issuer's published keys, using the algorithms it is told to accept for every issuer: at least one of RS256, RS384, RS512, ES256, ES384 and ES512. API Gateway refuses an authorizer without algorithms or with another one (HS256, which signs with a shared secret, among them); tokens signed with an algorithm that is not listed are refused.",
  docsUrl: apiReference('API_JwtConfigurationInput'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const authorizer of Object.values(design.authorizers)) {
      if (authorizer.kind !== 'JWT') continue;
      const algorithms = authorizer.jwtAlgorithms ?? [];
      if (algorithms.length === 0) {
        report({
          message: `Authorizer ${authorizer.name} names no signing algorithm: choose the ones its issuers sign with (often RS256).`,
          target: { kind: 'authorizer', id: authorizer.id },
          fix: { label: 'Accept RS256', apply: (d) => setJwtAlgorithm(d, authorizer.id, 'RS256', true) },
        });
        continue;
      }
      const unknown = algorithms.filter((algorithm) => !(jwtAlgorithms as readonly string[]).includes(algorithm));
      if (unknown.length > 0)
        report({
          message: `Authorizer ${authorizer.name} lists ${unknown.map((algorithm) => `"${algorithm}"`).join(', ')}, which API Gateway does not accept: choose from ${jwtAlgorithms.join(', ')}.`,
          target: { kind: 'authorizer', id: authorizer.id },
        });
    }
  },
});
