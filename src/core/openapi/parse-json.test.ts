import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonStrict } from './parse-json';

/** JSON values without `__proto__` keys (which the parser refuses on purpose). */
const jsonValue = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"__proto__"'));

describe('parseJson', () => {
  it('reads what JSON.parse reads, for any JSON value and formatting', () => {
    fc.assert(
      fc.property(jsonValue, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const fast = parseJson(text, 1000);
        const strict = parseJsonStrict(text, 1000);
        expect(fast.ok && fast.value).toEqual(JSON.parse(text));
        expect(strict.ok && strict.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and fails exactly where JSON.parse fails', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          jsonValue.map((value) => JSON.stringify(value).slice(0, -1)),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const result = parseJson(text, 1000);
          if (valid) return;
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.line).toBeGreaterThanOrEqual(1);
            expect(result.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  // Issue 11: a key written twice is read as API Gateway reads it (the last one wins), with a warning.
  it('finds a key written twice however the keys are escaped, and only within one object; the last one wins', () => {
    expect(parseJson('{"a": {"x": 1}, "b": {"x": 2}}', 10)).toEqual({ ok: true, value: { a: { x: 1 }, b: { x: 2 } }, warnings: [] });
    expect(parseJson('{"a": 1, "\\u0061": 2}', 10)).toMatchObject({
      ok: true,
      value: { a: 2 },
      warnings: [{ path: 'a', line: 1, column: 10 }],
    });
    expect(parseJson('{"k": "\\"a\\": 1", "a": 2}', 10)).toMatchObject({ ok: true, warnings: [] });
    const wide = `{${Array.from({ length: 40 }, (_, index) => `"k${index}": ${index}`).join(', ')}, "k7": 0}`;
    const result = parseJson(wide, 10);
    expect(result.ok && (result.value as Record<string, number>).k7).toBe(0);
    expect(result).toMatchObject({ warnings: [{ message: expect.stringMatching(/^k7: written twice/) }] });
  });

  it('reads what JSON.parse reads (the last of keys written twice) for objects with repeated keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer()), { minLength: 1, maxLength: 8 }), (entries) => {
        const text = `{${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(', ')}}`;
        const result = parseJson(text, 10);
        expect(result.ok && result.value).toEqual(JSON.parse(text));
        expect(result.ok && Object.keys(result.value as object)).toEqual(Object.keys(JSON.parse(text)));
        const repeated = new Set(entries.map(([key]) => key)).size < entries.length;
        expect(result.ok && result.warnings.length > 0).toBe(repeated);
      }),
    );
  });

  it('counts depth in objects and lists alike, ignoring brackets inside strings', () => {
    expect(parseJson('[[["[[[[[[[[[["]]]', 3).ok).toBe(true);
    expect(parseJson('[[[[]]]]', 3)).toMatchObject({ ok: false, message: expect.stringMatching(/more than 3 levels/), column: 4 });
    expect(parseJsonStrict('{"a": {"b": {"c": {}}}}', 3)).toMatchObject({ ok: false, column: 19 });
  });
});
