import { describe, expect, it } from 'vitest';
import { addAuthorizer } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { authorizerNameForm as rule } from './authorizer-name-form';

const withAuthorizer = (name: string) => build(restPetStore(), (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('named'), name }));

describe('authorizer-name-form', () => {
  it('names an authorizer whose name has spaces', () => {
    expect(lintWith(rule, withAuthorizer('Pet owners'))).toMatchObject([
      {
        severity: 'warning',
        message: 'Authorizer "Pet owners" has characters an OpenAPI security scheme name cannot hold.',
        target: { kind: 'authorizer', id: ids.auth('named') },
        fix: { label: 'Rename it to Pet-owners' },
      },
    ]);
  });

  it('is quiet on names made of letters, digits, ".", "-" and "_"', () => {
    expect(lintWith(rule, withAuthorizer('Pet_owners-v2.1'))).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix renames it to a free, valid name', () => {
    const design = build(withAuthorizer('Pet owners'), (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('taken'), name: 'Pet-owners' }));
    const finding = lintWith(rule, design)[0]!;
    expect(finding.fix?.label).toBe('Rename it to Pet-owners-2');
    const outcome = applyFix(rule, design, finding);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.authorizers[ids.auth('named')]?.name).toBe('Pet-owners-2');
  });
});
