import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const quota = 50;

/** A JWT authorizer accepts at most 50 audiences; this quota cannot be raised. */
export const jwtAudienceQuota = defineDesignRule({
  id: 'jwt-audience-quota',
  severity: 'error',
  title: 'More than 50 audiences on a JWT authorizer',
  why: 'A JWT authorizer accepts a token whose aud (or client_id) claim matches one of its audiences. An HTTP API authorizer lists at most 50 audiences, and the quota cannot be raised: use one audience per application rather than per client.',
  docsUrl: guide('limits'),
  reads: ['authorizers'],
  check(design, _index, report) {
    for (const authorizer of Object.values(design.authorizers))
      if (authorizer.kind === 'JWT' && authorizer.jwtAudience.length > quota)
        report({
          message: `Authorizer ${authorizer.name} lists ${authorizer.jwtAudience.length} audiences; a JWT authorizer accepts at most ${quota}.`,
          target: { kind: 'authorizer', id: authorizer.id },
        });
  },
});
