import { describe, expect, it } from 'vitest';
import { updateRoute } from '../../model';
import { build, ids, webSocketChat } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { websocketApiKeyOnConnect as rule } from './websocket-api-key-on-connect';

describe('websocket-api-key-on-connect', () => {
  it('names a message route that requires an API key', () => {
    const design = build(webSocketChat(), (d) => updateRoute(d, ids.rte('send'), { apiKeyRequired: true }));
    expect(lintWith(rule, design)).toMatchObject([
      { severity: 'warning', message: 'The sendMessage route requires an API key, but WebSocket APIs check keys only on $connect.' },
    ]);
  });

  it('is quiet when $connect requires the key', () => {
    expect(
      lintWith(
        rule,
        build(webSocketChat(), (d) => updateRoute(d, ids.rte('connect'), { apiKeyRequired: true })),
      ),
    ).toEqual([]);
  });

  it('quick fix stops requiring the key there', () => {
    const design = build(webSocketChat(), (d) => updateRoute(d, ids.rte('send'), { apiKeyRequired: true }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
