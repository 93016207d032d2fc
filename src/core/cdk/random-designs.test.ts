import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { richDesign } from '../model/testing/rich-edits';
import { exportOpenApi } from '../openapi';
import { generateCdk } from '.';
import { checkPrograms, problemsOf } from './testing/synth-harness';

/**
 * Random designs made by the model's operations: every generated program is syntactically valid
 * TypeScript, and a handful of them (fixed seeds) type-check strictly and synthesize.
 */

function programOf(design: Design): string {
  const document = design.api.type === 'REST' ? exportOpenApi(design, { version: '3.0' }) : undefined;
  return generateCdk(design, document?.ok ? { openApiDocument: document.document } : {}).code;
}

function syntaxErrors(code: string): string[] {
  const file = ts.createSourceFile('stack.ts', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  // `parseDiagnostics` is internal to the compiler API but is exactly the syntax errors of one file.
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

describe('CDK programs of random designs', () => {
  it('the syntax check finds errors (so that the property can fail)', () => {
    expect(syntaxErrors('const a = ;')).not.toEqual([]);
  });

  it('parse as TypeScript', () => {
    fc.assert(
      fc.property(richDesign(), (design) => {
        expect(syntaxErrors(programOf(design))).toEqual([]);
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });

  it('type-check strictly and synthesize (a handful of seeds)', () => {
    // A REST API without methods is refused by the CDK itself (the generator says so in a note).
    const designs = fc
      .sample(richDesign(), { numRuns: 10, seed: 5 })
      .filter((design) => design.api.type !== 'REST' || Object.keys(design.methods).length > 0);
    expect(designs.length).toBeGreaterThanOrEqual(6);
    const outcomes = checkPrograms(
      'random-designs',
      designs.map((design, index) => ({ name: `random-${index}`, code: programOf(design) })),
    );
    for (const [name, outcome] of outcomes) expect(problemsOf(outcome), name).toEqual([]);
  }, 300_000);
});
