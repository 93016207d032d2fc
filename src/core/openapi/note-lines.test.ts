import { describe, expect, it } from 'vitest';
import { noteLines } from './note-lines';

describe('noteLines', () => {
  it('finds the line of a note location in YAML and JSON, keys with dots and list items included', () => {
    const yaml = [
      'openapi: 3.0.1',
      'paths:',
      '  /v1.0/pets:',
      '    get:',
      '      parameters:',
      '        - name: id',
      '        - name: q',
    ].join('\n');
    const inYaml = noteLines(yaml);
    expect(inYaml('paths')).toBe(2);
    expect(inYaml('paths./v1.0/pets.get')).toBe(4);
    expect(inYaml('paths./v1.0/pets.get.parameters.1')).toBe(7);
    expect(inYaml('paths./v2/pets')).toBeUndefined();
    const inJson = noteLines('{\n  "paths": {\n    "/a.b": {\n      "get": {}\n    }\n  }\n}');
    expect(inJson('paths./a.b.get')).toBe(4);
  });

  it('prefers the longest key that matches', () => {
    const lineOf = noteLines('a:\n  b: 1\na.b: 2\n');
    expect(lineOf('a.b')).toBe(3);
  });
});
