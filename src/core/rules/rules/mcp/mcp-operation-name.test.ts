import { describe, expect, it } from 'vitest';
import { updateMethod } from '../../../model';
import { build, httpPets, ids, restPetStore } from '../../../model/testing/design-builder';
import { applyFix, lintWith } from '../../testing/rule-tester';
import { mcpOperationName as rule, suggestedOperationName } from './mcp-operation-name';

describe('mcp-operation-name', () => {
  it('names every REST method without an operation name', () => {
    expect(lintWith(rule, restPetStore()).map((finding) => finding.message)).toEqual([
      'GET /pets has no operation name, which AgentCore Gateway uses as the MCP tool name.',
      'POST /pets has no operation name, which AgentCore Gateway uses as the MCP tool name.',
      'GET /pets/{petId} has no operation name, which AgentCore Gateway uses as the MCP tool name.',
    ]);
  });

  it('is quiet on named methods and on HTTP routes', () => {
    const named = build(
      restPetStore(),
      (d) => updateMethod(d, ids.mth('list'), { operationName: 'listPets' }),
      (d) => updateMethod(d, ids.mth('create'), { operationName: 'createPet' }),
      (d) => updateMethod(d, ids.mth('get'), { operationName: 'getPet' }),
    );
    expect(lintWith(rule, named)).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fix names the operation after its verb and path, unused by any other', () => {
    const design = build(restPetStore(), (d) => updateMethod(d, ids.mth('list'), { operationName: 'getPetsByPetId' }));
    const finding = lintWith(rule, design).find((candidate) => candidate.target.id === ids.mth('get'));
    const outcome = applyFix(rule, design, finding!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.methods[ids.mth('get')]?.operationName).toBe('getPetsByPetId2');
  });

  it('suggests names from the verb and the path words', () => {
    expect(suggestedOperationName('GET', '/pets/{petId}')).toBe('getPetsByPetId');
    expect(suggestedOperationName('POST', '/order-items')).toBe('postOrderItems');
    expect(suggestedOperationName('DELETE', '/')).toBe('deleteRoot');
  });
});
