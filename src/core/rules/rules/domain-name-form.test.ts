import { describe, expect, it } from 'vitest';
import { addDomain, asId } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { lintWith } from '../testing/rule-tester';
import { domainNameForm as rule } from './domain-name-form';

describe('domain-name-form', () => {
  it('names an uppercase name and a name the design has twice', () => {
    expect(lintWith(rule, withDomain(restWithDomain(), { domainName: 'API.example.com' }))).toMatchObject([
      { severity: 'error', message: 'The custom domain "API.example.com": A custom domain name is lowercase.', target: { id: dom } },
    ]);
    const twice = restWithDomain();
    const copy = { ...twice.domains[dom]!, id: asId('Domain', 'dom_copy') };
    expect(lintWith(rule, { ...twice, domains: { ...twice.domains, [copy.id]: copy } })).toMatchObject([
      { message: 'The custom domain api.example.com appears twice.', target: { id: copy.id } },
    ]);
  });

  it('is quiet on two distinct names, one a wildcard', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => addDomain(d, { domainName: '*.example.com' })),
      ),
    ).toEqual([]);
  });
});
