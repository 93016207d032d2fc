import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConstructIdScope, IdentifierScope, pascalCase, stackName, wordsOf } from './identifiers';

const keywords = [
  'break',
  'class',
  'const',
  'default',
  'delete',
  'function',
  'new',
  'return',
  'this',
  'typeof',
  'void',
  'while',
  'let',
  'yield',
  'await',
];

describe('IdentifierScope', () => {
  it('hands out unique ASCII identifiers that are never keywords, for any names', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...keywords, 'api', 'cdk', '', '123', 'a-b', 'a_b')),
          { maxLength: 40 },
        ),
        (names) => {
          const scope = new IdentifierScope();
          const given = names.map((name, index) => scope.name(name, index % 2 === 0 ? 'Resource' : 'Function'));
          for (const identifier of given) {
            expect(identifier).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
            expect(keywords).not.toContain(identifier);
            expect(['api', 'cdk', 'apigateway', 'app', 'scope', 'id', 'props']).not.toContain(identifier);
          }
          expect(new Set(given).size).toBe(given.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads like the design: words of the name, then what the thing is', () => {
    const scope = new IdentifierScope();
    expect(scope.name('/pets/{petId}', 'Resource')).toBe('petsPetIdResource');
    expect(scope.name('Orders function', 'Integration')).toBe('ordersFunctionIntegration');
    expect(scope.name('Orders function', 'Integration')).toBe('ordersFunctionIntegration2');
    expect(scope.name('2nd stage', 'Stage')).toBe('stage2NdStage');
    expect(scope.name('日本', 'Model')).toBe('model');
  });
});

describe('ConstructIdScope', () => {
  it('hands out unique, non-empty ids of letters and digits', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 30 }), (names) => {
        const scope = new ConstructIdScope(['Api']);
        const given = names.map((name) => scope.id(name, 'Stage'));
        for (const id of given) expect(id).toMatch(/^[A-Za-z0-9]+$/);
        expect(new Set(given).size).toBe(given.length);
        expect(given).not.toContain('Api');
      }),
    );
  });
});

describe('names', () => {
  it('splits words at case changes and drops accents', () => {
    expect(wordsOf('petStore2API café')).toEqual(['pet', 'Store', '2', 'API', 'cafe']);
    expect(pascalCase('my  orders-api')).toBe('MyOrdersApi');
  });

  it('makes stack names CloudFormation accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        expect(stackName(name)).toMatch(/^[A-Za-z][A-Za-z0-9-]*Stack$/);
      }),
    );
    expect(stackName('Pet store')).toBe('PetStoreStack');
    expect(stackName('')).toBe('ApiStack');
  });
});
