import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, checkDesign } from '../model';
import { richDesign } from '../model/testing/rich-edits';
import { lintDesign } from '.';

/**
 * Random designs made by the model's operations: linting never throws, and every quick fix applies
 * (the operation is not refused), leaves a consistent design and removes the finding it was offered for.
 */
describe('rules on random designs', () => {
  it('lint without throwing, and each quick fix removes its finding', () => {
    let fixes = 0;
    fc.assert(
      fc.property(richDesign(), (design) => {
        const findings = lintDesign(design);
        for (const finding of findings) {
          if (!finding.fix) continue;
          fixes += 1;
          const fixed = applyOperation(design, finding.fix.apply);
          if (!fixed.ok) throw new Error(`The fix "${finding.fix.label}" of ${finding.ruleId} was refused: ${fixed.error.message}`);
          expect(checkDesign(fixed.design), finding.ruleId).toEqual([]);
          const again = lintDesign(fixed.design).filter(
            (other) => other.ruleId === finding.ruleId && other.target.id === finding.target.id && other.message === finding.message,
          );
          expect(again, `${finding.ruleId}: ${finding.message} (fix: ${finding.fix.label})`).toEqual([]);
        }
      }),
      { numRuns: 200, seed: 20261130 },
    );
    // The designs are rich enough to offer fixes at all.
    expect(fixes).toBeGreaterThan(50);
  });
});
