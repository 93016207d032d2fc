import { describe, expect, it } from 'vitest';
import { callJavaMethod, javaEquals } from './java-methods';
import { hasNestedRepetition, javaMatches, javaReplace, javaSplit } from './java-regex';
import { fromJson, type newMap } from './template-values';

const scope = { maxLength: 1000 };
const call = (target: unknown, name: string, ...args: unknown[]) => {
  const outcome = callJavaMethod(target, name, args, scope);
  return outcome.found ? outcome.value : 'NOT FOUND';
};

describe('Java String methods', () => {
  it('behave as java.lang.String', () => {
    expect(call('  hi  ', 'trim')).toBe('hi');
    expect(call('abc', 'charAt', 1)).toBe('b');
    expect(call('abcabc', 'lastIndexOf', 'b')).toBe(4);
    expect(call('abcabc', 'indexOf', 'c', 3)).toBe(5);
    expect(call('Hello', 'equalsIgnoreCase', 'hELLO')).toBe(true);
    expect(call('a.b.c', 'replace', '.', '/')).toBe('a/b/c');
    expect(call('abc', 'replace', '', '-')).toBe('-a-b-c-');
    expect(call('abc', 'startsWith', 'b', 1)).toBe(true);
    expect(call('abc', 'concat', 'd')).toBe('abcd');
  });

  it('are not found under a JavaScript-only name or a wrong argument count', () => {
    expect(call('abc', 'repeat', 3)).toBe('NOT FOUND');
    expect(call('abc', 'padStart', 5)).toBe('NOT FOUND');
    expect(call('abc', 'length', 1)).toBe('NOT FOUND');
    expect(call('abc', 'charAt', 'x')).toBe('NOT FOUND');
  });

  it('refuse to build a string past the limit', () => {
    expect(() => callJavaMethod('a'.repeat(600), 'replace', ['a', 'aa'], scope)).toThrow('payload limit');
    expect(() => callJavaMethod('a'.repeat(600), 'concat', ['b'.repeat(600)], scope)).toThrow('payload limit');
  });
});

describe('Java regular expressions', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Java's ${name} group reference, not a JavaScript template
  it('replaceAll uses Java replacement syntax: $1, ${name}, \\$ for a dollar', () => {
    expect(javaReplace('2024-05-06', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1', true, 100)).toBe('06/05/2024');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Java's ${name} group reference, not a JavaScript template
    expect(javaReplace('a1b2', '(?<d>\\d)', '<${d}>', true, 100)).toBe('a<1>b<2>');
    expect(javaReplace('cost', 'cost', '\\$5', false, 100)).toBe('$5');
    expect(javaReplace('aaa', 'a', 'b', false, 100)).toBe('baa');
    expect(() => javaReplace('a', 'a', '$', true, 100)).toThrow('group number');
    expect(() => javaReplace('a', '(a)', '$2', true, 100)).toThrow('has 1');
  });

  it('split drops trailing empty strings, keeps inner ones, honours a limit', () => {
    expect(javaSplit('a,b,,c,,', ',')).toEqual(['a', 'b', '', 'c']);
    expect(javaSplit('', ',')).toEqual(['']);
    expect(javaSplit('abc', '')).toEqual(['a', 'b', 'c']);
    expect(javaSplit('a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(javaSplit('a,b,,', ',', -1)).toEqual(['a', 'b', '', '']);
  });

  it('matches needs the whole string; (?i) and \\Q...\\E work', () => {
    expect(javaMatches('abc', 'b')).toBe(false);
    expect(javaMatches('abc', 'a.c')).toBe(true);
    expect(javaMatches('ABC', '(?i)abc')).toBe(true);
    expect(javaMatches('a.c', '\\Qa.c\\E')).toBe(true);
    expect(javaMatches('abc', '\\Qa.c\\E')).toBe(false);
  });

  it('refuses nested repetition, the shape of catastrophic backtracking', () => {
    expect(hasNestedRepetition('(a+)+')).toBe(true);
    expect(hasNestedRepetition('(a*)*b')).toBe(true);
    expect(hasNestedRepetition('((ab)+c)*')).toBe(true);
    expect(hasNestedRepetition('(a|b)+')).toBe(false);
    expect(hasNestedRepetition('(\\d+)-(\\d+)')).toBe(false);
    expect(hasNestedRepetition('[(+)]+')).toBe(false);
  });
});

describe('Java List and Map methods', () => {
  it('List: add returns true, remove by index or value, contains by value, subList', () => {
    const list: unknown[] = [1, 'b'];
    expect(call(list, 'add', 'c')).toBe(true);
    expect(call(list, 'contains', 'b')).toBe(true);
    expect(call(list, 'remove', 0)).toBe(1);
    expect(call(list, 'remove', 'c')).toBe(true);
    expect(list).toEqual(['b']);
    expect(call([1, 2, 3], 'subList', 1, 3)).toEqual([2, 3]);
    expect(() => call([1], 'get', 1)).toThrow('get(1) is outside the list (length 1)');
  });

  it('Map: get, put returning the previous value, containsKey, keySet in order, entrySet entries', () => {
    const map = fromJson({ b: 1, a: { x: [1] } }, 10) as ReturnType<typeof newMap>;
    expect(call(map, 'put', 'b', 2)).toBe(1);
    expect(call(map, 'get', 'b')).toBe(2);
    expect(call(map, 'get', 1)).toBeUndefined();
    expect(call(map, 'containsKey', 'a')).toBe(true);
    expect(call(map, 'keySet')).toEqual(['b', 'a']);
    const entries = call(map, 'entrySet') as unknown[];
    expect(call(entries[0], 'getKey')).toBe('b');
    expect(call(entries[0], 'toString')).toBe('b=2');
    expect(call(map, 'remove', 'b')).toBe(2);
    expect(call(map, 'toString')).toBe('{a={x=[1]}}');
  });

  it('equals compares lists and maps by content', () => {
    expect(javaEquals([1, { a: 'x' }], [1, fromJson({ a: 'x' }, 5)])).toBe(true);
    expect(javaEquals([1], [2])).toBe(false);
    expect(javaEquals(null, undefined)).toBe(false);
  });
});
