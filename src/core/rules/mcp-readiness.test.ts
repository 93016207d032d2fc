import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAuthorizer, addMethod, addResource, connectAuthorizer, emptyDesign, updateApi, updateMethod } from '../model';
import { build, httpPets, ids, restPetStore } from '../model/testing/design-builder';
import { lintDesign, rules } from './index';
import { mcpReadiness, mcpRules } from './mcp-readiness';

const folder = join(__dirname, 'rules/mcp');
const ruleFiles = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => name.slice(0, -3));

const readiness = (design: Parameters<typeof lintDesign>[0]) => mcpReadiness(design, lintDesign(design, { rules: mcpRules }));

describe('the MCP readiness group', () => {
  it('holds every rule file of rules/mcp, each named by its id, prefixed mcp-, grouped, with a test beside it', () => {
    expect(mcpRules.map((rule) => rule.id).sort()).toEqual([...ruleFiles].sort());
    for (const rule of mcpRules) {
      expect(rule.id).toMatch(/^mcp-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.group).toBe('mcp');
      expect(rule.why.length, rule.id).toBeGreaterThan(80);
      expect(existsSync(join(folder, `${rule.id}.test.ts`)), `${rule.id}.test.ts`).toBe(true);
    }
  });

  it('cites AWS pages: API Gateway’s MCP target page or the AgentCore page on API Gateway targets', () => {
    for (const rule of mcpRules)
      expect([
        'https://docs.aws.amazon.com/apigateway/latest/developerguide/mcp-server.html',
        'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/gateway-target-api-gateway.html',
      ]).toContain(rule.docsUrl);
  });

  it('is not part of the design problems: readiness is a question of its own', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    for (const rule of mcpRules) expect(ids.has(rule.id)).toBe(false);
    expect(lintDesign(restPetStore()).filter((finding) => finding.ruleId.startsWith('mcp-'))).toEqual([]);
  });
});

describe('mcpReadiness', () => {
  it('counts the methods that can become tools: named, not under {proxy+}, not behind a token authorizer', () => {
    const design = build(
      restPetStore(),
      (d) => updateMethod(d, ids.mth('list'), { operationName: 'listPets' }),
      (d) => updateMethod(d, ids.mth('create'), { operationName: 'createPet' }),
      (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }),
      (d) => addMethod(d, { resourceId: ids.res('proxy'), httpMethod: 'GET', id: ids.mth('proxy') }),
      (d) => updateMethod(d, ids.mth('proxy'), { operationName: 'anything' }),
      (d) => addResource(d, { parentId: ids.root, pathPart: 'health', id: ids.res('health') }),
      (d) => addMethod(d, { resourceId: ids.res('health'), httpMethod: 'GET', id: ids.mth('health') }),
      (d) => updateMethod(d, ids.mth('health'), { operationName: 'getHealth' }),
    );
    // list and health are ready; create has a Cognito authorizer, get no name, proxy a {proxy+} path.
    expect(readiness(design)).toMatchObject({ applies: true, methods: 5, tools: 2, summary: '2 of 5 methods can become MCP tools.' });
  });

  it('says which tools are marked internal: AgentCore reads the stage export, where they are, so tool filters must leave them out', () => {
    const design = build(
      restPetStore(),
      (d) => updateMethod(d, ids.mth('list'), { operationName: 'listPets', internal: true }),
      (d) => updateMethod(d, ids.mth('get'), { operationName: 'getPet' }),
    );
    expect(readiness(design).summary).toBe(
      "2 of 3 methods can become MCP tools. 1 of them is marked internal: leave it out with the target's tool filters.",
    );
  });

  it('counts a method once, whatever number of reasons hold it back', () => {
    const design = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam') }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('iam')),
      (d) => updateMethod(d, ids.mth('list'), { apiKeyRequired: true }),
    );
    expect(readiness(design)).toMatchObject({ methods: 3, tools: 0 });
  });

  it('makes no tool of any method while the API itself cannot be a target', () => {
    const design = build(
      restPetStore(),
      (d) => updateMethod(d, ids.mth('list'), { operationName: 'listPets' }),
      (d) => updateApi(d, { endpointType: 'PRIVATE' }),
    );
    const result = readiness(design);
    expect(result).toMatchObject({ tools: 0, summary: 'No stage can be a target yet, so none of the 3 methods can become an MCP tool.' });
    expect(result.blockers.map((finding) => finding.ruleId)).toEqual(['mcp-endpoint-private']);
  });

  it('says that only REST APIs can be targets, and what an empty REST API lacks', () => {
    expect(readiness(httpPets())).toMatchObject({
      applies: false,
      summary: 'Only REST API stages can be AgentCore Gateway targets; this is an HTTP API.',
    });
    expect(readiness(emptyDesign('REST')).summary).toBe('The API has no methods yet: each method becomes an MCP tool.');
  });
});
