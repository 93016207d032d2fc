import { describe, expect, it } from 'vitest';
import { addIntegration, applyOperation, type Design, type IntegrationTarget, settleLayout } from '../../core/model';
import { coveredCards } from '../../core/model/testing/card-overlaps';
import { ids, restPetStore } from '../../core/model/testing/design-builder';
import { settleRemoteLayout } from './remote-layout';

function applied(design: Design, operation: (design: Design) => Design): Design {
  const result = applyOperation(design, operation);
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

/** Ana and Ben each drop an integration on the same free spot; the merge has both there. */
function concurrentDrops() {
  const base = restPetStore();
  const spot = { x: 1200, y: 400 };
  const ana = applied(base, (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('ana'), position: spot }));
  const ben = applied(base, (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('ben'), position: spot }));
  const merged: Design = {
    ...ana,
    integrations: { ...ana.integrations, [ids.int('ben')]: ben.integrations[ids.int('ben')] as IntegrationTarget },
    layout: { ...ana.layout, [ids.int('ben')]: spot },
  };
  return { base, ana, ben, merged };
}

describe('settling a merged layout', () => {
  it('separates cards two people dropped on one spot, the same way on every screen', () => {
    const { ana, ben, merged } = concurrentDrops();
    expect(coveredCards(merged)).toEqual([`${ids.int('ana')} / ${ids.int('ben')}`]);
    // Settled against each person's own previous design, each screen would move the other's card.
    expect(settleLayout(merged, ana).layout).not.toEqual(settleLayout(merged, ben).layout);

    const onAna = settleRemoteLayout(merged, ana);
    const onBen = settleRemoteLayout(merged, ben);
    expect(onAna.layout).toEqual(onBen.layout);
    expect(coveredCards(onAna)).toEqual([]);
    // Only one of the two moved; nothing else did.
    const moved = Object.keys(merged.layout).filter(
      (key) => JSON.stringify(merged.layout[key as keyof Design['layout']]) !== JSON.stringify(onAna.layout[key as keyof Design['layout']]),
    );
    expect(moved).toEqual([ids.int('ben')]);
  });

  it('leaves a merge without overlaps as it is (the same object)', () => {
    const { base, ana } = concurrentDrops();
    expect(settleRemoteLayout(ana, base)).toBe(ana);
    const typed = { ...ana, api: { ...ana.api, description: 'typed' } };
    expect(settleRemoteLayout(typed, ana)).toBe(typed);
  });
});
