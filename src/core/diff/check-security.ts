import type { Authorizer } from '../model';
import type { DiffContext } from './context';
import type { ClientOperation } from './operations';

/**
 * The same authorizer in both designs: the same name, or a renamed one that checks the same credentials the
 * same way (clients never see the name).
 */
function sameAuthorizer(a: Authorizer, b: Authorizer): boolean {
  if (a.name === b.name) return true;
  const { id: _a, name: _an, ...restA } = a;
  const { id: _b, name: _bn, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * Who may call: the authorizer (matched by name, as its security scheme is), its OAuth scopes, and the
 * API key. An API Gateway method has one authorizer, so a new authorizer on an open method narrows who
 * may call it, unlike one more alternative in an OpenAPI `security` list.
 */
export function checkSecurity(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const before = base.authorizer;
  const after = revision.authorizer;
  const security = `${revision.where}/security`;
  if (!before && after)
    context.findings.add(
      'apigw-authorizer-added',
      `${revision.label} now requires the authorizer "${after.name}" (${after.kind}).`,
      revision.label,
      security,
    );
  else if (before && !after)
    context.findings.add(
      'apigw-authorizer-removed',
      `${revision.label} no longer requires the authorizer "${before.name}".`,
      revision.label,
      security,
    );
  else if (before && after && !sameAuthorizer(before, after)) {
    context.findings.add(
      'api-security-removed',
      `${revision.label} no longer accepts the authorizer "${before.name}".`,
      revision.label,
      security,
    );
    context.findings.add('api-security-added', `${revision.label} now accepts the authorizer "${after.name}".`, revision.label, security);
  } else if (before && after) {
    const scopesBefore = new Set(base.scopes);
    const scopesAfter = new Set(revision.scopes);
    for (const scope of revision.scopes)
      if (!scopesBefore.has(scope))
        context.findings.add(
          'api-security-scope-added',
          `${revision.label} now requires the scope \`${scope}\` of "${after.name}".`,
          revision.label,
          security,
        );
    for (const scope of base.scopes)
      if (!scopesAfter.has(scope))
        context.findings.add(
          'api-security-scope-removed',
          `${revision.label} no longer requires the scope \`${scope}\` of "${after.name}".`,
          revision.label,
          security,
        );
  }
  if (!base.apiKeyRequired && revision.apiKeyRequired)
    context.findings.add('apigw-api-key-now-required', `${revision.label} now requires an API key.`, revision.label, security);
  if (base.apiKeyRequired && !revision.apiKeyRequired)
    context.findings.add('apigw-api-key-no-longer-required', `${revision.label} no longer requires an API key.`, revision.label, security);
}
