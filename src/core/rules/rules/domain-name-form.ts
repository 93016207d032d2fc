import { domainNameProblem } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** A custom domain name is a lowercase host name, unique in its Region. */
export const domainNameForm = defineDesignRule({
  id: 'domain-name-form',
  severity: 'error',
  title: 'Custom domain name that is not a host name, or repeated',
  why: 'A custom domain name is a host name you own, such as api.example.com, in lowercase; a wildcard name (*.example.com) covers its subdomains. A public custom domain name is unique in a Region across all AWS accounts, so one design cannot hold it twice.',
  docsUrl: guide('how-to-custom-domains'),
  reads: ['domains'],
  check(design, _index, report) {
    const seen = new Set<string>();
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      const problem = domainNameProblem(domain.domainName);
      if (problem) report({ message: `The custom domain "${domain.domainName}": ${problem}`, target });
      else if (seen.has(domain.domainName)) report({ message: `The custom domain ${domain.domainName} appears twice.`, target });
      seen.add(domain.domainName);
    }
  },
});
