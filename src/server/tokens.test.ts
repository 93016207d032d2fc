import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSessionId, issueToken, loadOrCreateSecret, newSessionId, verifyToken } from './tokens';

describe('session tokens', () => {
  const secret = Buffer.alloc(32, 7);
  const session = newSessionId();

  it('gives back the role it was issued for, in that session only', () => {
    expect(isSessionId(session)).toBe(true);
    for (const role of ['owner', 'editor', 'viewer'] as const)
      expect(verifyToken(secret, issueToken(secret, session, role), session)).toBe(role);
    expect(verifyToken(secret, issueToken(secret, session, 'owner'), newSessionId())).toBeUndefined();
    expect(verifyToken(Buffer.alloc(32, 8), issueToken(secret, session, 'owner'), session)).toBeUndefined();
  });

  it('refuses a token whose role was changed, or that is not a token at all', () => {
    const viewer = issueToken(secret, session, 'viewer');
    expect(verifyToken(secret, viewer.replace('viewer', 'owner'), session)).toBeUndefined();
    for (const token of [undefined, null, 42, '', 'v1.owner', 'v2.owner.x', `${viewer}.extra`, 'x'.repeat(500)])
      expect(verifyToken(secret, token, session)).toBeUndefined();
    expect(verifyToken(secret, viewer, '../../etc')).toBeUndefined();
  });

  it('keeps the server secret in the data folder, readable by its owner only, the same across starts', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'portico-secret-'));
    try {
      const first = await loadOrCreateSecret(folder);
      const second = await loadOrCreateSecret(folder);
      expect(second.equals(first)).toBe(true);
      expect(statSync(join(folder, 'server-secret')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(folder, 'server-secret'), 'utf8').trim()).toBe(first.toString('hex'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
