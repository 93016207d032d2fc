import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** With the AUTHORIZER key source, only a Lambda authorizer can supply the API key. */
export const apiKeySourceAuthorizer = defineDesignRule({
  id: 'api-key-source-authorizer',
  severity: 'warning',
  title: 'API keys come from an authorizer the API does not have',
  why: 'A REST API reads API keys from the x-api-key header (HEADER) or from the usageIdentifierKey that a Lambda authorizer returns (AUTHORIZER). With AUTHORIZER but no Lambda authorizer, no request ever carries a key, so every method that requires one refuses every call.',
  docsUrl: guide('api-gateway-api-key-source'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST' || design.api.apiKeySource !== 'AUTHORIZER') return;
    const lambda = Object.values(design.authorizers).some(
      (authorizer) => authorizer.kind === 'LAMBDA_TOKEN' || authorizer.kind === 'LAMBDA_REQUEST',
    );
    if (lambda) return;
    report({
      message: 'API keys are read from a Lambda authorizer, but the API has none.',
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Read API keys from the x-api-key header', apply: (d) => updateApi(d, { apiKeySource: 'HEADER' }) },
    });
  },
});
