import { describe, expect, it } from 'vitest';
import { updateApi } from '../../../model';
import { build, restPetStore } from '../../../model/testing/design-builder';
import { applyFix, lintWith } from '../../testing/rule-tester';
import { mcpDefaultEndpointDisabled as rule } from './mcp-default-endpoint-disabled';

describe('mcp-default-endpoint-disabled', () => {
  const disabled = () => build(restPetStore(), (d) => updateApi(d, { disableExecuteApiEndpoint: true }));

  it('names a REST API whose default endpoint is turned off', () => {
    expect(lintWith(rule, disabled())).toMatchObject([{ severity: 'info', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet while the default endpoint is on', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix turns the default endpoint back on', () => {
    const design = disabled();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.api.disableExecuteApiEndpoint).toBe(false);
  });
});
