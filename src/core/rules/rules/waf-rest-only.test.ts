import { describe, expect, it } from 'vitest';
import { addStage, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { wafRestOnly as rule } from './waf-rest-only';

const acl = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/abc';
/** changeApiType removes the web ACL (and says so); an imported or hand-edited design may still have one. */
const protectedStage = (type: 'REST' | 'HTTP' | 'WEBSOCKET' = 'REST') =>
  build(
    emptyDesign(type),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { webAclArn: acl }),
  );

describe('waf-rest-only', () => {
  it('names a stage of a WebSocket API that has a web ACL', () => {
    const design = protectedStage('WEBSOCKET');
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on a REST stage with a web ACL', () => {
    expect(lintWith(rule, protectedStage())).toEqual([]);
  });

  it('quick fix removes the web ACL', () => {
    const design = protectedStage('HTTP');
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
