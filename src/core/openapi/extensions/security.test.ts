import { describe, expect, it } from 'vitest';
import {
  addAuthorizer,
  addJwtClaim,
  addJwtIssuer,
  type Design,
  type JsonObject,
  setJwtAlgorithm,
  updateAuthorizer,
  updateMethod,
} from '../../model';
import { connectAuthorizer } from '../../model/operations/wiring';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { exportOpenApi } from '../export-openapi';
import { importOpenApi } from '../import-openapi';
import { stringifyDocument } from '../stringify';
import { asDeployed, officialSchemaErrors, unresolvedReferences } from '../testing/official-schemas';
import { redoclyErrors } from '../testing/redocly-spec-rules';
import type { OpenApiVersion } from '../types';

/** The REST pet store with a JWT authorizer of two issuers on GET /pets, which requires a scope. */
function restWithJwt(): Design {
  return build(
    restPetStore(),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }),
    (d) => updateAuthorizer(d, ids.auth('jwt'), { identitySource: 'method.request.header.X-Access-Token' }),
    (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://login.example.com/', ['api://pets']),
    (d) => addJwtClaim(d, ids.auth('jwt'), 1, { claimName: 'tenant', expectedValues: ['acme'] }),
    (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'ES256', true),
    (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('jwt')),
    (d) => updateMethod(d, ids.mth('list'), { authorizationScopes: ['pets/read', 'pets:read'] }),
  );
}

function exported(design: Design, version: OpenApiVersion): JsonObject {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

const schemes = (document: JsonObject, version: OpenApiVersion) =>
  (version === '2.0' ? document.securityDefinitions : (document.components as JsonObject).securitySchemes) as JsonObject;

describe('a REST API JWT authorizer in OpenAPI', () => {
  it.each(['3.0', '2.0'] as const)(
    'is written in OpenAPI %s as an apiKey scheme with its jwtConfiguration, the method naming its scopes, valid by the official schema',
    async (version) => {
      const document = exported(restWithJwt(), version);
      expect(schemes(document, version).Tokens).toEqual({
        type: 'apiKey',
        name: 'X-Access-Token',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          type: 'jwt',
          identitySource: 'method.request.header.X-Access-Token',
          jwtConfiguration: {
            defaultAlgorithms: ['RS256', 'ES256'],
            issuers: [
              { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE', audiences: ['example-client-id'] },
              {
                issuer: 'https://login.example.com/',
                audiences: ['api://pets'],
                additionalClaims: [{ claimName: 'tenant', format: 'SINGLE_STRING', required: true, expectedValues: ['acme'] }],
              },
            ],
          },
        },
      });
      const list = ((document.paths as JsonObject)['/pets'] as JsonObject).get as JsonObject;
      expect(list.security).toEqual([{ Tokens: ['pets/read', 'pets:read'] }]);
      const deployed = asDeployed(document);
      expect(officialSchemaErrors(deployed)).toEqual([]);
      expect(unresolvedReferences(deployed)).toEqual([]);
      expect(await redoclyErrors(deployed)).toEqual([]);
    },
  );

  it.each(['3.0', '2.0'] as const)(
    'comes back from OpenAPI %s with its issuers, claims, algorithms, header and method scopes',
    (version) => {
      const design = restWithJwt();
      const text = stringifyDocument(exported(design, version), 'yaml');
      // OpenAPI 3.0 is read as the type of the design it updates, as the code view's Apply does.
      const again = importOpenApi(text, { previous: design });
      if (!again.ok) throw new Error(again.error.message);
      expect(again.design.api.type).toBe('REST');
      const authorizer = Object.values(again.design.authorizers).find((candidate) => candidate.name === 'Tokens');
      const { scheme: _scheme, ...kept } = authorizer ?? ({} as never);
      expect(kept).toEqual(design.authorizers[ids.auth('jwt')]);
      const list = Object.values(again.design.methods).find(
        (method) => method.operationName === design.methods[ids.mth('list')]?.operationName,
      );
      expect(list).toMatchObject({ authorizerId: authorizer?.id, authorizationScopes: ['pets/read', 'pets:read'] });
      // Exported again, the document is the same.
      expect(stringifyDocument(exported(again.design, version), 'yaml')).toBe(text);
    },
  );

  it('comes back from Swagger 2.0 without an error note', () => {
    const again = importOpenApi(stringifyDocument(exported(restWithJwt(), '2.0'), 'json'));
    expect(again.ok && again.notes.filter((note) => note.severity === 'error')).toEqual([]);
  });

  it('comes back from OpenAPI 3.0 into the REST design without an error note', () => {
    const design = restWithJwt();
    const again = importOpenApi(stringifyDocument(exported(design, '3.0'), 'json'), { previous: design });
    expect(again.ok && again.notes.filter((note) => note.severity === 'error')).toEqual([]);
  });

  it('a fresh OpenAPI 3.0 import of the document is read as a REST API', () => {
    const again = importOpenApi(stringifyDocument(exported(restWithJwt(), '3.0'), 'json'));
    expect(again.ok && again.design.api.type).toBe('REST');
  });
});
