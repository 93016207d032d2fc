import { describe, expect, it } from 'vitest';
import { restPetStore } from '../core/examples';
import { renderCode, renderCodeInParts } from './render-code';

describe('renderCode: the OpenAPI profiles', () => {
  const design = restPetStore();

  it('writes the public document, named as such, without API Gateway extensions', () => {
    const rendered = renderCode(design, { target: 'openapi3', format: 'yaml', stageName: 'prod', profile: 'public' });
    if (!rendered.ok) throw new Error(rendered.message);
    expect(rendered.fileName).toBe('pet-store-prod-openapi3-public.yaml');
    expect(rendered.text).not.toContain('x-amazon-apigateway');
    expect(rendered.text).toContain('https://{restapi-id}.execute-api.{region}.amazonaws.com/prod');
  });

  it('keeps the AWS document the default, followed path item by path item; the public one is written whole', () => {
    const aws = renderCodeInParts(design, { target: 'openapi3', format: 'yaml' });
    if (!aws.result.ok) throw new Error(aws.result.message);
    expect(aws.result.fileName).toBe('pet-store-openapi3.yaml');
    expect(aws.result.text).toContain('x-amazon-apigateway-integration');
    expect(aws.parts).toBeDefined();
    expect(renderCodeInParts(design, { target: 'openapi3', format: 'yaml', profile: 'public' }).parts).toBeUndefined();
  });
});
