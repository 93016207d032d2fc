import { certificateArnProblem, certificateRegion } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** A custom domain serves HTTPS with an ACM certificate for its name; an edge-optimized one's comes from us-east-1. */
export const domainCertificate = defineDesignRule({
  id: 'domain-certificate',
  severity: 'error',
  title: 'Custom domain without a usable certificate',
  why: "A custom domain serves HTTPS with an AWS Certificate Manager certificate that covers its name. An edge-optimized domain is served by CloudFront, which takes its certificate from US East (N. Virginia), us-east-1; a Regional or private domain's certificate is in the API's Region.",
  docsUrl: guide('how-to-custom-domains-prerequisites'),
  reads: ['domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      if (domain.certificateArn === '') {
        report({ message: `${domain.domainName} has no certificate: give the ARN of its ACM certificate.`, target });
        continue;
      }
      const problem = certificateArnProblem(domain.certificateArn);
      if (problem) report({ message: `${domain.domainName}: ${problem}`, target });
      else if (domain.endpointType === 'EDGE' && certificateRegion(domain.certificateArn) !== 'us-east-1')
        report({
          message: `${domain.domainName} is edge-optimized, so its certificate must be in us-east-1; this one is in ${certificateRegion(domain.certificateArn)}.`,
          target,
        });
    }
  },
});
