import { describe, expect, it } from 'vitest';
import { readParticipants, readPresence } from './presence';

describe('presence', () => {
  it('reads what Portico publishes, bounded', () => {
    expect(
      readPresence(7, {
        role: 'owner',
        name: '  Ana\u202e\u0007 ',
        colour: '#e11d48',
        selection: ['mth_a', 42, '', 'x'.repeat(500)],
        panel: 'stages',
        viewport: { x: 10, y: -5, zoom: 1.25 },
        secret: 'dropped',
      }),
    ).toEqual({
      clientId: 7,
      role: 'owner',
      name: 'Ana',
      colour: '#e11d48',
      selection: ['mth_a'],
      panel: 'stages',
      viewport: { x: 10, y: -5, zoom: 1.25 },
    });
  });

  it('refuses or trims what it is not', () => {
    expect(readPresence(1, null)).toBeUndefined();
    expect(readPresence(1, { name: 'Ana', colour: 'red' })).toBeUndefined();
    expect(readPresence(1, { name: '\u0000', colour: '#e11d48' })).toBeUndefined();
    const odd = readPresence(1, {
      name: 'B'.repeat(200),
      colour: '#0891b2',
      role: 'admin',
      panel: '<script>',
      viewport: { x: Number.NaN, y: 0, zoom: 1 },
      selection: Array.from({ length: 500 }, (_, index) => `id_${index}`),
    });
    expect(odd?.name).toHaveLength(40);
    expect(odd?.role).toBeUndefined();
    expect(odd?.panel).toBe('inspector');
    expect(odd?.viewport).toBeUndefined();
    expect(odd?.selection).toHaveLength(100);
  });

  it('lists the others, the owner first', () => {
    const states = new Map<number, unknown>([
      [1, { name: 'Me', colour: '#e11d48' }],
      [2, { name: 'Zoe', colour: '#0891b2', role: 'editor' }],
      [3, { name: 'Teacher', colour: '#16a34a', role: 'owner' }],
      [4, { name: 'Ben', colour: '#d97706', role: 'viewer' }],
      [5, { nothing: true }],
    ]);
    expect(readParticipants(states, 1).map((participant) => participant.name)).toEqual(['Teacher', 'Ben', 'Zoe']);
  });
});
