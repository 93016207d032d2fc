import { describe, expect, it } from 'vitest';
import {
  designsOfSession,
  forgetSession,
  type KeyValue,
  participantColours,
  pickColour,
  rememberedIdentity,
  rememberedServer,
  rememberedSessions,
  rememberIdentity,
  rememberServer,
  rememberSession,
  sessionOfDesign,
} from './session-registry';

function memoryStorage(): KeyValue & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

const sessionId = '0123456789abcdef0123456789abcdef';
const owner = 'v1.owner.AbCdEfGhIjKlMnOpQrStUvWx';
const editor = 'v1.editor.AbCdEfGhIjKlMnOpQrStUvWx';

describe('remembered sessions', () => {
  it('keeps one session per design and finds the designs of a session', () => {
    const storage = memoryStorage();
    rememberSession({ designId: 'dsn_a', server: 'http://localhost:1234', sessionId, role: 'owner', tokens: { owner, editor } }, storage);
    rememberSession({ designId: 'dsn_b', server: 'http://localhost:1234', sessionId, role: 'editor', tokens: { editor } }, storage);
    rememberSession({ designId: 'dsn_a', server: 'http://localhost:1234', sessionId, role: 'owner', tokens: { owner } }, storage);
    expect(rememberedSessions(storage).map((record) => record.designId)).toEqual(['dsn_b', 'dsn_a']);
    expect(sessionOfDesign('dsn_a', storage)?.tokens).toEqual({ owner });
    expect(designsOfSession('http://localhost:1234', sessionId, storage)).toHaveLength(2);
    expect(designsOfSession('http://other:1234', sessionId, storage)).toHaveLength(0);
    forgetSession('dsn_a', storage);
    expect(sessionOfDesign('dsn_a', storage)).toBeUndefined();
  });

  it('drops stored records that are not what Portico writes', () => {
    const storage = memoryStorage();
    storage.setItem(
      'portico.liveSessions',
      JSON.stringify([
        { designId: 'dsn_ok', server: 'http://localhost:1234', sessionId, role: 'editor', tokens: { editor, viewer: 'forged' } },
        { designId: 'dsn_bad_server', server: 'javascript:1', sessionId, role: 'editor', tokens: { editor } },
        { designId: 'dsn_no_token', server: 'http://localhost:1234', sessionId, role: 'owner', tokens: { editor } },
        { designId: 'dsn_wrong_slot', server: 'http://localhost:1234', sessionId, role: 'owner', tokens: { owner: editor } },
        'nonsense',
      ]),
    );
    expect(rememberedSessions(storage)).toEqual([
      { designId: 'dsn_ok', server: 'http://localhost:1234', sessionId, role: 'editor', tokens: { editor } },
    ]);
    storage.setItem('portico.liveSessions', '{not json');
    expect(rememberedSessions(storage)).toEqual([]);
  });

  it('remembers a name, a colour and the server', () => {
    const storage = memoryStorage();
    expect(rememberedIdentity(storage)).toBeUndefined();
    rememberIdentity({ name: 'Ana', colour: '#e11d48' }, storage);
    expect(rememberedIdentity(storage)).toEqual({ name: 'Ana', colour: '#e11d48' });
    rememberIdentity({ name: 'Ana', colour: 'red; background: url(x)' }, storage);
    expect(rememberedIdentity(storage)).toBeUndefined();
    rememberServer('http://10.0.0.5:1234', storage);
    expect(rememberedServer(storage)).toBe('http://10.0.0.5:1234');
    expect(participantColours).toContain(pickColour(() => 0.99));
  });
});
