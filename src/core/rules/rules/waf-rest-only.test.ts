import { describe, expect, it } from 'vitest';
import { addStage, changeApiType, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { wafRestOnly as rule } from './waf-rest-only';

const acl = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/abc';
const protectedRest = () =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { webAclArn: acl }),
  );

describe('waf-rest-only', () => {
  it('names a stage that keeps its web ACL after the API became a WebSocket API', () => {
    const design = build(protectedRest(), (d) => changeApiType(d, 'WEBSOCKET'));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on a REST stage with a web ACL', () => {
    expect(lintWith(rule, protectedRest())).toEqual([]);
  });

  it('quick fix removes the web ACL', () => {
    const design = build(protectedRest(), (d) => changeApiType(d, 'HTTP'));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
