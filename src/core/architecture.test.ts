import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the core pure: no React, no store, no canvas or editor library, nothing outside src/core, and
 * sibling folders of the core depend only on `model` (STYLE.md's one-way arrows). Tests may import
 * siblings to check integration.
 */
const coreRoot = resolve(__dirname);
const forbiddenPackages = [/^react($|\/|-dom)/, /^zustand/, /^@xyflow\//, /^monaco-editor/, /^lucide-react/];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes(`${join('core', 'cdk', 'testing')}`) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] as string);
}

describe('core architecture', () => {
  const files = sourceFiles(coreRoot);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [relative(coreRoot, file), file]))('%s imports no UI library and nothing outside the core', (_name, file) => {
    for (const specifier of importsOf(file)) {
      expect(
        forbiddenPackages.some((pattern) => pattern.test(specifier)),
        `${specifier} is a UI dependency`,
      ).toBe(false);
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        expect(target.startsWith(coreRoot), `${specifier} leaves src/core`).toBe(true);
        const fromFolder = relative(coreRoot, file).split(/[\\/]/)[0];
        const toFolder = relative(coreRoot, target).split(/[\\/]/)[0];
        if (fromFolder !== toFolder) expect(toFolder, `${fromFolder} may depend only on model, not ${toFolder}`).toBe('model');
      }
    }
  });
});
