import { describe, expect, it } from 'vitest';
import { pendingReveal, requestReveal, settleReveal } from './reveal';

describe('the reveal channel', () => {
  it('keeps a request until the panel that shows it settles it', () => {
    const request = requestReveal('stage', 'stg_prod');
    expect(pendingReveal()).toEqual({ kind: 'stage', id: 'stg_prod', serial: request.serial });
    settleReveal(request);
    expect(pendingReveal()).toBeNull();
  });

  it('does not let an older request settle a newer one', () => {
    const older = requestReveal('model', 'mdl_pet');
    const newer = requestReveal('model', 'mdl_pet');
    expect(newer.serial).toBeGreaterThan(older.serial);
    settleReveal(older);
    expect(pendingReveal()).toBe(newer);
    settleReveal(newer);
    expect(pendingReveal()).toBeNull();
  });
});
