import { authorizerKindProblem } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * Each API type has its own authorizer kinds. The model's operations and `checkDesign` refuse a wrong
 * kind; this rule still names it if data built outside them (an importer, a hand-edited file) carries one.
 */
export const authorizerKindApiType = defineDesignRule({
  id: 'authorizer-kind-api-type',
  severity: 'error',
  title: 'Authorizer kind the API type does not have',
  why: 'REST APIs authorize with IAM, Cognito user pool, Lambda (TOKEN or REQUEST) and JWT authorizers; HTTP APIs with IAM, JWT and Lambda REQUEST authorizers (a Cognito user pool is used through a JWT authorizer); WebSocket APIs with IAM and Lambda REQUEST authorizers on $connect.',
  docsUrl: guide('http-api-vs-rest'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    for (const authorizer of Object.values(design.authorizers)) {
      const problem = authorizerKindProblem(authorizer.kind, design.api.type);
      if (problem) report({ message: `Authorizer ${authorizer.name}: ${problem}`, target: { kind: 'authorizer', id: authorizer.id } });
    }
  },
});
