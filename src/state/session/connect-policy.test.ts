import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectAllowed } from './connect-policy';

const appPolicy = /content="([^"]+)"/.exec(
  readFileSync(resolve(__dirname, '../../../index.html'), 'utf8')
    .split('\n')
    .find((line) => line.includes('Content-Security-Policy')) ?? '',
)?.[1];

describe('which session servers the app may reach', () => {
  it('reaches the server it was opened from, and a server on this computer, and nothing else', () => {
    expect(appPolicy).toBeDefined();
    // Opened from the sessions server itself (a workshop): the same origin.
    expect(connectAllowed(appPolicy, 'http://teacher-host:1234', 'http://teacher-host:1234')).toBe(true);
    // Opened from a local build or dev server: a sessions server on this computer, any port.
    expect(connectAllowed(appPolicy, 'http://127.0.0.1:4173', 'http://127.0.0.1:1234')).toBe(true);
    expect(connectAllowed(appPolicy, 'http://localhost:5173', 'http://localhost:1234')).toBe(true);
    expect(connectAllowed(appPolicy, 'http://localhost:5173', 'http://teacher-host:1234')).toBe(false);
    expect(connectAllowed(appPolicy, 'http://teacher-host:1234', 'http://other-host:1234')).toBe(false);
    expect(connectAllowed(appPolicy, 'http://127.0.0.1:4173', 'https://127.0.0.1:1234')).toBe(false);
  });

  it('reads policies by their words', () => {
    expect(connectAllowed(undefined, 'http://a', 'http://b:1')).toBe(true);
    expect(connectAllowed("default-src 'self'", 'http://a:1', 'http://a:1')).toBe(true);
    expect(connectAllowed("default-src 'self'", 'http://a:1', 'http://a:2')).toBe(false);
    expect(connectAllowed('connect-src http://a:* ws://a:*', 'http://x', 'http://a:9')).toBe(true);
    // HTTP alone is not enough: the session runs over a WebSocket.
    expect(connectAllowed('connect-src http://a:*', 'http://x', 'http://a:9')).toBe(false);
    expect(connectAllowed('connect-src https://a wss://a', 'http://x', 'https://a')).toBe(true);
    expect(connectAllowed('connect-src https://a wss://a', 'http://x', 'https://a:8443')).toBe(false);
  });
});
