import { type AuthorizerId, updateAuthorizer } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** OpenAPI 3.0 allows only these characters in a components key, and a security scheme is one. */
const schemeKey = /^[A-Za-z0-9._-]+$/;

/** The name with every other character turned into "-", made unique among the other authorizers' names. */
function schemeSafeName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'authorizer';
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
  return candidate;
}

/**
 * An authorizer's name becomes the key of its security scheme in the OpenAPI export. OpenAPI 3.0
 * component keys are limited to letters, digits, `.`, `-` and `_`; with a space or a slash in it the
 * export is not a valid document, and tools that validate before API Gateway's importer refuse it.
 */
export const authorizerNameForm = defineDesignRule({
  id: 'authorizer-name-form',
  severity: 'warning',
  title: 'Authorizer name that cannot be a security scheme key',
  why: 'In an OpenAPI definition an authorizer is a security scheme (with the x-amazon-apigateway-authorizer extension), and methods name it in their security requirement. OpenAPI 3.0 restricts those keys to letters, digits, ".", "-" and "_", so a name with spaces or other characters makes the exported document invalid.',
  docsUrl: guide('api-gateway-swagger-extensions-authorizer'),
  reads: ['authorizers'],
  check(design, _index, report) {
    const names = new Set(Object.values(design.authorizers).map((authorizer) => authorizer.name));
    for (const authorizer of Object.values(design.authorizers)) {
      if (schemeKey.test(authorizer.name)) continue;
      const others = new Set([...names].filter((name) => name !== authorizer.name));
      const safe = schemeSafeName(authorizer.name, others);
      report({
        message: `Authorizer "${authorizer.name}" has characters an OpenAPI security scheme name cannot hold.`,
        target: { kind: 'authorizer', id: authorizer.id },
        fix: { label: `Rename it to ${safe}`, apply: (d) => updateAuthorizer(d, authorizer.id as AuthorizerId, { name: safe }) },
      });
    }
  },
});
