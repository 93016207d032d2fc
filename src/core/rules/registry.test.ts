import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from './index';

const folder = join(__dirname, 'rules');
const ruleFiles = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => name.slice(0, -3));

describe('rule registry', () => {
  it('has at least 35 rules with unique, kebab-case ids', () => {
    expect(rules.length).toBeGreaterThanOrEqual(35);
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('registers every rule file, and each file is named by its rule id and has a test beside it', () => {
    expect([...rules.map((rule) => rule.id)].sort()).toEqual([...ruleFiles].sort());
    for (const id of ruleFiles) expect(existsSync(join(folder, `${id}.test.ts`)), `${id}.test.ts`).toBe(true);
  });

  it('gives every rule a title, a teaching text and a severity', () => {
    for (const rule of rules) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.why.length, rule.id).toBeGreaterThan(80);
      expect(rule.why.trim().endsWith('.'), rule.id).toBe(true);
    }
  });
});
