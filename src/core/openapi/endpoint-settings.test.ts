import { describe, expect, it } from 'vitest';
import { type Design, type JsonObject, updateApi } from '../model';
import { build, httpPets, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { asDeployed, officialSchemaErrors } from './testing/official-schemas';
import type { OpenApiVersion } from './types';

/**
 * The endpoint settings in OpenAPI: an HTTP API's IP address type in x-amazon-apigateway-endpoint-configuration,
 * a REST API's TLS security policy and endpoint access mode at the document root, and the REST IP address
 * type, which AWS does not take from a file ("You can't use an external definition file to configure your
 * API's IP address type", DG api-gateway-ip-address-type).
 */

function exportOf(design: Design, version: OpenApiVersion) {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  expect(officialSchemaErrors(asDeployed(result.document))).toEqual([]);
  return result;
}

function importOf(document: JsonObject, version: OpenApiVersion) {
  const result = importOpenApi(stringifyDocument(document, version === '3.0' ? 'yaml' : 'json'));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const endpointConfiguration = (document: JsonObject): unknown =>
  (document.servers as JsonObject[] | undefined)?.[0]?.['x-amazon-apigateway-endpoint-configuration'];

describe('IP address type in OpenAPI', () => {
  it('an HTTP API writes dualstack in its endpoint configuration and reads it back', () => {
    const design = build(httpPets(), (d) => updateApi(d, { ipAddressType: 'dualstack', disableExecuteApiEndpoint: true }));
    const { document } = exportOf(design, '3.0');
    expect(endpointConfiguration(document)).toEqual({ disableExecuteApiEndpoint: true, ipAddressType: 'dualstack' });
    const again = importOf(document, '3.0');
    expect(again.design.api).toMatchObject({ ipAddressType: 'dualstack', disableExecuteApiEndpoint: true });
    expect(again.notes.filter((note) => note.path?.includes('endpoint-configuration'))).toEqual([]);
    // Back to IPv4: written as chosen, read back the same.
    const ipv4 = updateApi(again.design, { ipAddressType: 'ipv4' });
    expect(importOf(exportOf(ipv4, '3.0').document, '3.0').design.api.ipAddressType).toBe('ipv4');
  });

  it("an HTTP API without an IP address type writes none (API Gateway's default, IPv4)", () => {
    const { document } = exportOf(httpPets(), '3.0');
    expect(JSON.stringify(document)).not.toContain('ipAddressType');
    expect(importOf(document, '3.0').design.api.ipAddressType).toBeUndefined();
  });

  it.each(['3.0', '2.0'] as const)('a dual-stack REST API writes no IP address type and the export says so (%s)', (version) => {
    const design = build(restPetStore(), (d) => updateApi(d, { endpointType: 'REGIONAL', ipAddressType: 'dualstack' }));
    const result = exportOf(design, version);
    expect(JSON.stringify(result.document)).not.toContain('ipAddressType');
    expect(result.notes.join('\n')).toContain("The API is dual-stack (IPv4 and IPv6), which a REST API's OpenAPI cannot say");
    // A private API is dual-stack whatever a document says: nothing to note.
    const privateApi = build(design, (d) => updateApi(d, { endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-1'] }));
    expect(exportOf(privateApi, version).notes.join('\n')).not.toContain('dual-stack');
  });

  it('a REST document that carries ipAddressType keeps it, with a note that AWS does not read it from a file', () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'Shop', version: '1' },
      servers: [{ url: '/', 'x-amazon-apigateway-endpoint-configuration': { ipAddressType: 'dualstack' } }],
      paths: { '/items': { get: { responses: { '200': { description: 'OK' } }, 'x-amazon-apigateway-integration': { type: 'mock' } } } },
      'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [] },
    };
    const result = importOf(document, '3.0');
    expect(result.design.api).toMatchObject({ type: 'REST', ipAddressType: 'dualstack' });
    expect(result.notes).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        path: 'x-amazon-apigateway-endpoint-configuration',
        message: expect.stringContaining("A REST API's IP address type cannot come from an OpenAPI file"),
      }),
    );
  });

  it('an HTTP API keeps an IP address type given as a CloudFormation expression, until one is chosen', () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'Pets', version: '1' },
      servers: [{ url: '/', 'x-amazon-apigateway-endpoint-configuration': { ipAddressType: { Ref: 'IpAddressType' } } }],
      paths: {},
      'x-amazon-apigateway-importexport-version': '1.0',
    };
    const imported = importOf(document, '3.0').design;
    expect(imported.api.ipAddressType).toBeUndefined();
    expect(endpointConfiguration(exportOf(imported, '3.0').document)).toEqual({ ipAddressType: { Ref: 'IpAddressType' } });
    const chosen = updateApi(imported, { ipAddressType: 'dualstack' });
    expect(endpointConfiguration(exportOf(chosen, '3.0').document)).toEqual({ ipAddressType: 'dualstack' });
  });

  it('an IP address type AWS does not have leaves the endpoint configuration out, with an error', () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'Shop', version: '1' },
      servers: [{ url: '/', 'x-amazon-apigateway-endpoint-configuration': { ipAddressType: 'ipv6' } }],
      paths: {},
      'x-amazon-apigateway-importexport-version': '1.0',
    };
    const result = importOf(document, '3.0');
    expect(result.design.api.ipAddressType).toBeUndefined();
    expect(result.notes).toContainEqual(expect.objectContaining({ severity: 'error', path: 'servers.0' }));
  });
});

describe('TLS security policy and endpoint access mode in OpenAPI', () => {
  it.each(['3.0', '2.0'] as const)('round-trip at the document root of a REST API (%s)', (version) => {
    for (const [endpointType, securityPolicy, endpointAccessMode] of [
      ['REGIONAL', 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', 'BASIC'],
      ['EDGE', 'SecurityPolicy_TLS13_2025_EDGE', 'STRICT'],
      ['PRIVATE', 'SecurityPolicy_TLS13_1_3_FIPS_2025_09', 'STRICT'],
      ['REGIONAL', 'TLS_1_2', undefined],
    ] as const) {
      const design = build(restPetStore(), (d) =>
        updateApi(d, { endpointType, securityPolicy, endpointAccessMode, vpcEndpointIds: endpointType === 'PRIVATE' ? ['vpce-1'] : [] }),
      );
      const { document } = exportOf(design, version);
      expect(document['x-amazon-apigateway-security-policy']).toBe(securityPolicy);
      expect(document['x-amazon-apigateway-endpoint-access-mode']).toBe(endpointAccessMode);
      const again = importOf(document, version).design.api;
      expect(again.securityPolicy).toBe(securityPolicy);
      expect(again.endpointAccessMode).toBe(endpointAccessMode);
    }
  });

  it('an HTTP document keeps the REST-only TLS extensions as written, with a note, and writes them back', () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'Pets', version: '1' },
      paths: {},
      'x-amazon-apigateway-importexport-version': '1.0',
      'x-amazon-apigateway-security-policy': 'TLS_1_2',
    };
    const result = importOf(document, '3.0');
    expect(result.design.api).toMatchObject({ type: 'HTTP' });
    expect(result.design.api.securityPolicy).toBeUndefined();
    expect(result.notes.map((note) => note.message).join('\n')).toContain('x-amazon-apigateway-security-policy applies to REST APIs only');
    expect(exportOf(result.design, '3.0').document['x-amazon-apigateway-security-policy']).toBe('TLS_1_2');
  });
});
