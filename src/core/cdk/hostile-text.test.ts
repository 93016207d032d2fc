import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCdk } from '.';
import { neutralise } from './literals';
import { type HostileCase, hostileCase, hostileText } from './testing/hostile';
import { checkPrograms, type SynthOutcome, timings } from './testing/synth-harness';
import { resourcesOf, templateStrings } from './testing/template';

/**
 * Property: hostile names and descriptions cannot break or inject code. A generated program still
 * type-checks and synthesizes (bare and with `cdk init`'s flags), and every text arrives in the template
 * unchanged, or neutralised where it held a CDK token marker, a dynamic reference or `${AWS::…}`.
 * Synthesis is costly, so fast-check draws a fixed sample (seeded) that is checked in one batch; the
 * cheap half of the property (the program parses to the expected statements) runs on many more inputs.
 */

const kinds = ['REST', 'HTTP', 'WEBSOCKET'] as const;
const sample = fc.sample(fc.tuple(fc.array(hostileText, { minLength: 16, maxLength: 16 }), fc.constantFrom(...kinds)), {
  seed: 20_261_122,
  numRuns: 9,
});

/** Every fragment at once, for each API type: the worst case is always in the batch. */
const worst = [
  `a'b"c\`d\${e}f*/g/*h\ni\u2028j\u2029k\\l\u202em\ud800n\0o`,
  `x \${Token[AWS.AccountId.1]} #{Token[TOKEN.12]} y`,
  '{{resolve:secretsmanager:MySecret:SecretString:password}} and {{ resolve:ssm:/a}}',
  `in \${AWS::Region} and \${ AWS::AccountId }`,
  "'); process.exit(1); ('",
];

const cases = new Map<string, HostileCase>();
let outcomes: Map<string, SynthOutcome>;

beforeAll(() => {
  sample.forEach(([texts, kind], index) => {
    cases.set(`sample-${index}-${kind.toLowerCase()}`, hostileCase(texts, kind));
  });
  for (const kind of kinds) cases.set(`worst-${kind.toLowerCase()}`, hostileCase(worst, kind));
  outcomes = checkPrograms(
    'hostile',
    [...cases].map(([name, { design }]) => ({ name, code: generateCdk(design).code })),
  );
}, 600_000);

afterAll(() => {
  console.info('CDK synthesis batch (hostile-text.test.ts):', JSON.stringify(timings.get('hostile')));
});

describe('hostile text in a design', () => {
  it('never stops a program from type-checking or synthesizing, bare or with the recommended flags', () => {
    for (const name of cases.keys()) {
      const outcome = outcomes.get(name);
      expect(outcome?.diagnostics, name).toEqual([]);
      expect(outcome?.errors, name).toEqual({});
      // Warnings (W…) may remain, such as text that looks like a pseudo parameter; no errors.
      expect(
        outcome?.findings.filter((finding) => !/^(W\d+|warning: )/.test(finding)),
        name,
      ).toEqual([]);
    }
  });

  it('arrives in the template unchanged, or neutralised where the CDK or CloudFormation would read it as code', () => {
    for (const [name, { placements }] of cases) {
      const template = outcomes.get(name)?.bare;
      for (const placement of placements) {
        const expected = neutralise(placement.text).text;
        const found = resourcesOf(template, placement.type).some((resource) =>
          templateStrings(resource.properties[placement.property] as never).includes(expected),
        );
        expect(found, `${name}: ${placement.type}.${placement.property} should hold ${JSON.stringify(expected)}`).toBe(true);
      }
    }
  });

  it('leaves no token marker or dynamic reference anywhere in a template', () => {
    for (const name of cases.keys()) {
      const strings = templateStrings(outcomes.get(name)?.bare);
      expect(
        strings.filter((text) => /[$#]\{Token\[|\{\{\s*resolve:/i.test(text)),
        name,
      ).toEqual([]);
    }
  });
});

/** The statements a generated program consists of: imports, (helper classes), the stack class, the app. */
function topLevelShape(source: ts.SourceFile): string[] {
  return source.statements.map((statement) =>
    ts.isImportDeclaration(statement)
      ? 'import'
      : ts.isClassDeclaration(statement)
        ? 'class'
        : ts.isFunctionDeclaration(statement)
          ? 'function'
          : ts.isVariableStatement(statement)
            ? 'const'
            : ts.isExpressionStatement(statement)
              ? 'expression'
              : 'other',
  );
}

describe('hostile text, many more inputs (parse only)', () => {
  it('every program parses to imports, one exported stack class and the app, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 16, maxLength: 16 }), fc.constantFrom(...kinds), (texts, kind) => {
        const { code } = generateCdk(hostileCase(texts, kind).design);
        const parsed = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
        expect(parsed.diagnostics?.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
        const source = ts.createSourceFile('program.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
        const shape = topLevelShape(source).filter((kind) => kind !== 'import');
        expect(shape.filter((kind) => kind === 'class').length).toBeGreaterThanOrEqual(1);
        expect(shape.slice(-2)).toEqual(['const', 'expression']);
        expect(shape.filter((kind) => kind === 'other')).toEqual([]);
        // No identifier outside ASCII: names come from the sanitizer, never from raw text.
        const identifiers: string[] = [];
        const visit = (node: ts.Node) => {
          if (ts.isIdentifier(node)) identifiers.push(node.text);
          ts.forEachChild(node, visit);
        };
        visit(source);
        expect(identifiers.filter((name) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))).toEqual([]);
        // Comments carry no design text: every comment line is one the generator wrote.
        const comments = code.split('\n').filter((line) => line.trim().startsWith('//'));
        for (const comment of comments) expect(comment).not.toMatch(/[^\x20-\x7e]/);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
