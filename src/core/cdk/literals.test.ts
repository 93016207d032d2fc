import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../model';
import { commentText, exactLiteral, isNumberTokenLike, jsonLiteral, neutralise, numberLiteral, propertyKey, textLiteral } from './literals';

/** The value of a literal as TypeScript reads it, and proof that it is one literal and nothing else. */
function parseLiteral(literal: string): string {
  const source = ts.createSourceFile('x.ts', `const x = ${literal};`, ts.ScriptTarget.ES2022, true);
  expect(source.statements).toHaveLength(1);
  const statement = source.statements[0] as ts.VariableStatement;
  const initializer = statement.declarationList.declarations[0]?.initializer;
  if (!initializer || !ts.isStringLiteral(initializer)) throw new Error(`not one string literal: ${literal}`);
  return initializer.text;
}

/** What a lone surrogate becomes (CloudFormation cannot carry it). */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('exactLiteral', () => {
  it('is one string literal whose value is the text, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(parseLiteral(exactLiteral(text))).toBe(wellFormed(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes what would hide or end something: line and paragraph separators, bidi overrides, invisible characters', () => {
    const literal = exactLiteral('a\u2028b\u2029c\u202ed\u200be\ufefff\u0000g\nh');
    for (const hidden of ['\u2028', '\u2029', '\u202e', '\u200b', '\ufeff', '\u0000', '\n']) expect(literal).not.toContain(hidden);
    expect(literal).toBe("'a\\u2028b\\u2029c\\u202ed\\u200be\\ufefff\\u0000g\\nh'");
  });

  it('writes quotes, backticks and template markers as plain characters of a single-quoted literal', () => {
    expect(exactLiteral(`it's "quoted" \`tick\` \${x} */`)).toBe(`'it\\'s "quoted" \`tick\` \${x} */'`);
  });
});

describe('textLiteral and neutralise', () => {
  it('neutralises CDK token markers, dynamic references and pseudo parameters with a space', () => {
    expect(neutralise(`a \${Token[AWS.AccountId.1]} b`).text).toBe('a $ {Token[AWS.AccountId.1]} b');
    expect(neutralise('#{Token[TOKEN.12]}').text).toBe('# {Token[TOKEN.12]}');
    expect(neutralise('{{resolve:ssm:/db/password}}').text).toBe('{ {resolve:ssm:/db/password}}');
    expect(neutralise('{{ RESOLVE:secretsmanager:x}}').text).toBe('{ { RESOLVE:secretsmanager:x}}');
    expect(neutralise(`in \${AWS::Region}`).text).toBe('in $ {AWS::Region}');
    expect(neutralise(`in \${AWS::Region}`).changed).toBe(true);
  });

  it('keeps API Gateway variables, mapping templates and pseudo parameters inside Fn::Sub templates', () => {
    for (const text of [`\${stageVariables.fn}`, "$input.json('$')", '#set($a = 1)', '{"a": {"b": 1}}'])
      expect(neutralise(text)).toEqual({ text, changed: false });
    expect(neutralise(`arn:\${AWS::Partition}:x \${Token[A.1]}`, true).text).toBe(`arn:\${AWS::Partition}:x $ {Token[A.1]}`);
  });

  it('replaces lone surrogates, which CloudFormation cannot carry', () => {
    expect(neutralise('a\ud800b').text).toBe('a\ufffdb');
    expect(neutralise('😀').changed).toBe(false);
  });

  it('is a literal of the neutralised text, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(parseLiteral(textLiteral(text))).toBe(neutralise(text).text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('propertyKey', () => {
  it('keeps identifiers bare, quotes the rest, and makes __proto__ an own property', () => {
    expect(propertyKey('restApiName')).toBe('restApiName');
    expect(propertyKey('application/json')).toBe("'application/json'");
    expect(propertyKey('__proto__')).toBe("['__proto__']");
    const value = new Function(`return { ${propertyKey('__proto__')}: 1, ${propertyKey('constructor')}: 2 };`)() as Record<string, number>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('numberLiteral', () => {
  it('writes finite numbers and refuses what the CDK would misread', () => {
    expect(numberLiteral(12.5)).toBe('12.5');
    expect(numberLiteral(-3)).toBe('-3');
    expect(numberLiteral(-0)).toBe('0');
    expect(numberLiteral(Number.NaN)).toBeUndefined();
    expect(numberLiteral(Number.POSITIVE_INFINITY)).toBeUndefined();
    // The CDK's encoding of a number token: synthesis would fail on it.
    expect(isNumberTokenLike(-1.8881545897087626e289)).toBe(true);
    expect(numberLiteral(-1.8881545897087626e289)).toBeUndefined();
    expect(isNumberTokenLike(-1e300)).toBe(false);
  });
});

describe('jsonLiteral', () => {
  const evaluate = (code: string): unknown => new Function(`return ${code};`)();

  it('is an expression whose value is the JSON (text neutralised), for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const normal = JSON.parse(JSON.stringify(value)) as JsonValue;
        // Keys are neutralised like values (the CDK reads tokens in both).
        const neutralised = (item: unknown): unknown =>
          typeof item === 'string'
            ? neutralise(item).text
            : Array.isArray(item)
              ? item.map(neutralised)
              : typeof item === 'object' && item !== null
                ? Object.fromEntries(
                    Object.entries(item).map(([key, child]) => [
                      /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : neutralise(key).text,
                      neutralised(child),
                    ]),
                  )
                : item;
        expect(evaluate(jsonLiteral(normal, '  '))).toEqual(neutralised(normal));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a __proto__ key as data and lets a hook write a value', () => {
    const value = evaluate(
      jsonLiteral({ ['__proto__']: { polluted: true }, a: { Ref: 'X' } } as unknown as JsonValue, '', {
        value: (item) => (typeof item === 'object' && item !== null && 'Ref' in item ? "'hooked'" : undefined),
      }),
    ) as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value.a).toBe('hooked');
  });

  it('writes deep nesting without recursion', () => {
    let deep: JsonValue = 'bottom';
    for (let depth = 0; depth < 5000; depth += 1) deep = [deep];
    expect(jsonLiteral(deep, '').length).toBeGreaterThan(10_000);
  });
});

describe('commentText', () => {
  it('allows only path-like text and nothing that could end or hide in a comment', () => {
    expect(commentText('/pets/{petId}')).toBe('/pets/{petId}');
    expect(commentText('a\nb')).toBeUndefined();
    expect(commentText('*/')).toBeUndefined();
    expect(commentText('a\u2028b')).toBeUndefined();
    expect(commentText('\u202e')).toBeUndefined();
  });
});
