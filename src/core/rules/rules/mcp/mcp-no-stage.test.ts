import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../model';
import { restPetStore } from '../../../model/testing/design-builder';
import { lintWith } from '../../testing/rule-tester';
import { mcpNoStage as rule } from './mcp-no-stage';

describe('mcp-no-stage', () => {
  it('names a REST API without a stage', () => {
    expect(lintWith(rule, emptyDesign('REST'))).toMatchObject([{ severity: 'info', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet once the API has a stage, and on HTTP APIs', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(lintWith(rule, emptyDesign('HTTP'))).toEqual([]);
  });
});
