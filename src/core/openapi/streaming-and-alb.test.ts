import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addIntegration,
  connectIntegration,
  type Design,
  type IntegrationTarget,
  type JsonObject,
  setIntegrationTarget,
  setResponseTransferMode,
  updateBinding,
  updateIntegration,
} from '../model';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { asDeployed, officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import type { OpenApiVersion } from './types';

/**
 * Response streaming (`responseTransferMode`) and private integrations through a VPC link V2
 * (`integrationTarget`) through OpenAPI: exported valid by the official schemas, and read back to the same
 * design in both versions and formats.
 */

const alb = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/orders/50dc6c495c0c9188';

/** GET /pets streams from the function (15 minutes), POST /pets buffers from it, GET /pets/{petId} goes through a VPC link V2 and streams. */
function design(): Design {
  return build(
    restPetStore(),
    (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
    (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 900_000 }),
    (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('alb'), name: 'Orders' }),
    (d) => updateIntegration(d, ids.int('alb'), { connectionId: 'vpclink-orders', url: 'https://orders.internal.example.com/{petId}' }),
    (d) => setIntegrationTarget(d, ids.int('alb'), alb),
    (d) => connectIntegration(d, ids.mth('get'), ids.int('alb')),
    (d) => setResponseTransferMode(d, ids.mth('get'), 'STREAM'),
  );
}

function exported(source: Design, version: OpenApiVersion): JsonObject {
  const result = exportOpenApi(source, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** What the two features are made of in a design: each method's binding mode and target, each target's load balancer. */
function carried(source: Design) {
  const pathOf = (resourceId: string): string => {
    const resource = source.resources[resourceId as keyof Design['resources']];
    if (!resource || resource.parentId === null) return '';
    return `${pathOf(resource.parentId)}/${resource.pathPart}`;
  };
  const targets = Object.values(source.integrations) as IntegrationTarget[];
  return {
    methods: Object.values(source.methods)
      .map((method) => {
        const target = method.integration ? source.integrations[method.integration.integrationId] : undefined;
        return {
          method: `${method.httpMethod} ${pathOf(method.resourceId) || '/'}`,
          responseTransferMode: method.integration?.responseTransferMode,
          timeoutInMillis: method.integration?.timeoutInMillis,
          target: target?.kind === 'LAMBDA' ? target.functionArn : target?.kind === 'VPC_LINK' ? target.connectionId : target?.kind,
        };
      })
      .sort((a, b) => a.method.localeCompare(b.method)),
    loadBalancers: targets.flatMap((target) => (target.kind === 'VPC_LINK' ? [target.integrationTarget] : [])),
    lambdaTargets: targets.filter((target) => target.kind === 'LAMBDA').length,
  };
}

describe('response streaming and VPC link V2 through OpenAPI', () => {
  it.each(['3.0', '2.0'] as const)('export as %s writes them per method and is valid by the official schema', (version) => {
    const document = exported(design(), version);
    const deployed = asDeployed(document);
    expect(officialSchemaErrors(deployed)).toEqual([]);
    expect(unresolvedReferences(deployed)).toEqual([]);
    const paths = document.paths as Record<string, Record<string, JsonObject>>;
    expect(paths['/pets']?.get?.['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws_proxy',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:123456789012:function:my-function/response-streaming-invocations',
      responseTransferMode: 'STREAM',
      timeoutInMillis: 900000,
    });
    const buffered = paths['/pets']?.post?.['x-amazon-apigateway-integration'] as JsonObject;
    expect(buffered.uri).toBe(
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:my-function/invocations',
    );
    expect(buffered).not.toHaveProperty('responseTransferMode');
    expect(paths['/pets/{petId}']?.get?.['x-amazon-apigateway-integration']).toMatchObject({
      type: 'http_proxy',
      connectionType: 'VPC_LINK',
      connectionId: 'vpclink-orders',
      integrationTarget: alb,
      responseTransferMode: 'STREAM',
    });
  });

  it.each([
    ['3.0', 'json'],
    ['3.0', 'yaml'],
    ['2.0', 'json'],
    ['2.0', 'yaml'],
  ] as const)('reads back from %s %s as the same design: one Lambda target for the streamed and buffered methods', (version, format) => {
    const source = design();
    const text = stringifyDocument(exported(source, version), format);
    const again = importOpenApi(text);
    if (!again.ok) throw new Error(again.error.message);
    expect(carried(again.design)).toEqual(carried(source));
    expect(carried(again.design).lambdaTargets).toBe(1);
  });

  it("reads AWS's own samples: the streaming Lambda of serverless-samples and the private ALB of serverless-patterns", () => {
    const corpus = join(__dirname, '../../../../shared/corpus/real-world');
    const streaming = importOpenApi(readFileSync(join(corpus, 'lambda-response-streaming-rest.yaml'), 'utf8'));
    if (!streaming.ok) throw new Error(streaming.error.message);
    const [ask] = Object.values(streaming.design.methods);
    expect(ask?.integration?.responseTransferMode).toBe('STREAM');
    expect(ask?.integration?.extensions).toBeUndefined();
    const privateAlb = importOpenApi(readFileSync(join(corpus, 'vpclink-private-alb-proxy-rest.yaml'), 'utf8'));
    if (!privateAlb.ok) throw new Error(privateAlb.error.message);
    expect(Object.values(privateAlb.design.integrations)).toEqual([
      expect.objectContaining({ kind: 'VPC_LINK', connectionId: { Ref: 'VpcLink' }, integrationTarget: { Ref: 'PrivateALB' } }),
    ]);
  });
});
