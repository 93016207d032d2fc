import { applyOperation, checkDesign, type Design } from '../../model';
import { createRuleLinter } from '../engine';
import type { Finding, Rule } from '../rule';

/** Runs the real engine with only `rule` enabled. */
export function lintWith(rule: Rule, design: Design): Finding[] {
  return createRuleLinter({ rules: [rule] }).run(design);
}

/** A finding as plain data (no fix function), for comparisons. */
export function summary(finding: Finding): { ruleId: string; severity: string; message: string; target: Finding['target']; fix?: string } {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    target: finding.target,
    ...(finding.fix ? { fix: finding.fix.label } : {}),
  };
}

export type FixOutcome = { ok: true; design: Design; remaining: Finding[]; problems: string[] } | { ok: false; reason: string };

/**
 * Applies the quick fix of a finding the way the app does (through `applyOperation`) and lints the result
 * with the same rule. `remaining` holds the findings that still name the same target with the same message;
 * `problems` is `checkDesign` on the fixed design.
 */
export function applyFix(rule: Rule, design: Design, finding: Finding): FixOutcome {
  if (!finding.fix) return { ok: false, reason: `The finding "${finding.message}" has no quick fix.` };
  const result = applyOperation(design, finding.fix.apply);
  if (!result.ok) return { ok: false, reason: result.error.message };
  const remaining = lintWith(rule, result.design).filter(
    (after) => after.target.kind === finding.target.kind && after.target.id === finding.target.id && after.message === finding.message,
  );
  return { ok: true, design: result.design, remaining, problems: checkDesign(result.design) };
}
