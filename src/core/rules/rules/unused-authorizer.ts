import { deleteAuthorizers } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** An authorizer no method or route uses protects nothing; CDK refuses to synthesize an unattached one. */
export const unusedAuthorizer = defineDesignRule({
  id: 'unused-authorizer',
  severity: 'warning',
  title: 'Authorizer that nothing uses',
  why: 'An authorizer only takes effect on the methods or routes it is attached to. One attached to nothing protects nothing, which usually means a method was meant to use it and is open instead; the AWS CDK also refuses to synthesize an authorizer that no method uses.',
  docsUrl: guide('apigateway-control-access-to-api'),
  reads: ['api', 'authorizers', 'methods', 'routes'],
  operationFields: (owner) => [owner.authorizerId],
  check(design, index, report) {
    const usage = index.usage(design.methods, design.routes);
    for (const authorizer of Object.values(design.authorizers))
      if (!usage.authorizers.has(authorizer.id))
        report({
          message: `Authorizer ${authorizer.name} protects no ${design.api.type === 'REST' ? 'method' : 'route'}.`,
          target: { kind: 'authorizer', id: authorizer.id },
          fix: { label: 'Delete the authorizer', apply: (d) => deleteAuthorizers(d, [authorizer.id]) },
        });
  },
});
