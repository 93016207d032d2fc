import { describe, expect, it } from 'vitest';
import { parseSessionLink, readServerAddress, sessionLinkUrl, tokenRole, webSocketUrl } from './session-link';

const sessionId = '0123456789abcdef0123456789abcdef';
const editor = 'v1.editor.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

describe('session links', () => {
  it('round-trips a link through its fragment', () => {
    const url = sessionLinkUrl('http://teacher:1234/?x=1#old', { server: 'http://teacher:1234', sessionId, token: editor });
    expect(url.startsWith('http://teacher:1234/?x=1#session=')).toBe(true);
    const parsed = parseSessionLink(url.slice(url.indexOf('#')));
    expect(parsed).toEqual({ ok: true, value: { server: 'http://teacher:1234', sessionId, token: editor, role: 'editor' } });
  });

  it('refuses what a Portico server would never put in a link', () => {
    const link = (parts: Record<string, string>) => `#${new URLSearchParams(parts).toString()}`;
    const good = { session: sessionId, server: 'http://localhost:1234', token: editor };
    expect(parseSessionLink(link(good)).ok).toBe(true);
    for (const bad of [
      { ...good, session: '../../etc' },
      { ...good, session: sessionId.toUpperCase() },
      { ...good, token: 'v1.admin.AbCdEfGhIjKlMnOpQrSt' },
      { ...good, token: `${editor}.extra` },
      { ...good, server: 'javascript:alert(1)' },
      { ...good, server: 'http://user:pass@host:1234' },
      { ...good, server: 'http://host:1234/path' },
      { ...good, server: 'localhost:1234' },
      { ...good, server: 'javascript:1' },
      { ...good, extra: 'x' },
      { session: sessionId, token: editor },
    ])
      expect(parseSessionLink(link(bad)).ok, JSON.stringify(bad)).toBe(false);
    expect(parseSessionLink(`#session=${sessionId}&session=${sessionId}&token=${editor}`).ok).toBe(false);
    expect(parseSessionLink(`${link(good)}${'&x'.repeat(600)}`).ok).toBe(false);
    const refused = parseSessionLink(link({ ...good, server: 'ftp://host' }));
    expect(refused.ok ? '' : refused.message).toMatch(/^This live session link is damaged: /);
  });

  it('reads a server address as its origin', () => {
    expect(readServerAddress(' localhost:1234 ')).toEqual({ ok: true, value: 'http://localhost:1234' });
    expect(readServerAddress('https://portico.example.org/')).toEqual({ ok: true, value: 'https://portico.example.org' });
    expect(readServerAddress('').ok).toBe(false);
    expect(readServerAddress('http://host:1234/?q').ok).toBe(false);
    expect(webSocketUrl('http://localhost:1234')).toBe('ws://localhost:1234');
    expect(webSocketUrl('https://portico.example.org')).toBe('wss://portico.example.org');
  });

  it('reads the role a token names', () => {
    expect(tokenRole(editor)).toBe('editor');
    expect(tokenRole('v1.owner.AbCdEfGhIjKlMnOpQrSt')).toBe('owner');
    expect(tokenRole('v2.owner.AbCdEfGhIjKlMnOpQrSt')).toBeUndefined();
  });
});
