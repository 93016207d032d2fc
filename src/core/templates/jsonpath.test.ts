import { describe, expect, it } from 'vitest';
import { compileJsonPath, evaluateJsonPath } from './jsonpath';
import { fromJson, javaString } from './template-values';

const document = fromJson(
  {
    store: {
      book: [
        { title: 'Sayings', price: 8.95, 'odd key': 'x' },
        { title: 'Sword', price: 12.99 },
        { title: 'Moby', price: 8.99, isbn: '0-553' },
      ],
      bicycle: { color: 'red', price: 19.95 },
    },
    list: [0, 1, 2, 3, 4, 5],
  },
  100,
);

function read(path: string): unknown {
  const compiled = compileJsonPath(path);
  if (!compiled.ok) throw new Error(compiled.message);
  return evaluateJsonPath(compiled.path, document);
}

describe('compileJsonPath and evaluateJsonPath', () => {
  it('reads definite paths as one value', () => {
    expect(read('$.store.bicycle.color')).toBe('red');
    expect(read("$['store']['bicycle']['color']")).toBe('red');
    expect(read('$["store"].book[1].title')).toBe('Sword');
    expect(read("$.store.book[0]['odd key']")).toBe('x');
    expect(read('$.list[-1]')).toBe(5);
    expect(javaString(read('$.store.bicycle'))).toBe('{color=red, price=19.95}');
  });

  it('reads a path without $ from the root, as Jayway does', () => {
    expect(read('store.bicycle.color')).toBe('red');
    expect(read('[0]')).toBeUndefined();
  });

  it('gives undefined for a definite path that finds nothing', () => {
    expect(read('$.store.car')).toBeUndefined();
    expect(read('$.store.book[7].title')).toBeUndefined();
    expect(read('$.list.length')).toBeUndefined();
  });

  it('gives a JSON list for wildcards, descent, unions and slices', () => {
    expect(javaString(read('$.store.book[*].title'))).toBe('["Sayings","Sword","Moby"]');
    expect(javaString(read('$..price'))).toBe('[8.95,12.99,8.99,19.95]');
    expect(javaString(read('$.store.book[0,2].title'))).toBe('["Sayings","Moby"]');
    expect(javaString(read('$.list[1:3]'))).toBe('[1,2]');
    expect(javaString(read('$.list[-2:]'))).toBe('[4,5]');
    expect(javaString(read('$.list[::2]'))).toBe('[0,2,4]');
    expect(javaString(read('$..isbn'))).toBe('["0-553"]');
    expect(javaString(read('$.store.*.color'))).toBe('["red"]');
    expect(javaString(read('$.nothing[*]'))).toBe('[]');
  });

  it.each([
    ['', 'empty'],
    ['$.', 'a name is missing'],
    ['$.a[', 'expected a quoted name, an index'],
    ['$.a[0', "']' is missing"],
    ["$['a", 'not closed'],
    ['$[?(@.price < 10)]', 'filters'],
    ['$[(@.length-1)]', 'script'],
    ['$.list.length()', 'functions'],
    ['$a', "unexpected 'a'"],
    ['@.a', 'starts with $'],
    ['$[1:2,3]', 'stands alone'],
  ])('refuses %j with a reason (%s)', (path, reason) => {
    const compiled = compileJsonPath(path);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.message).toContain(reason);
  });
});
