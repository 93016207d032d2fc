import { truststoreUriProblem } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** The truststore of mutual TLS is an object in Amazon S3, named by its s3:// URI. */
export const domainTruststoreUri = defineDesignRule({
  id: 'domain-truststore-uri',
  severity: 'error',
  title: 'Mutual TLS truststore that is not an S3 URI',
  why: 'With mutual TLS, API Gateway reads the certificate authorities it trusts from a truststore file (PEM) in Amazon S3, given as s3://bucket-name/key; to pin a version of the file, version the bucket and give the object version.',
  docsUrl: guide('rest-api-mutual-tls'),
  reads: ['domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains)) {
      if (!domain.mutualTls) continue;
      const problem = truststoreUriProblem(domain.mutualTls.truststoreUri);
      if (problem)
        report({
          message: `The mutual TLS truststore of ${domain.domainName}, "${domain.mutualTls.truststoreUri}", is not an S3 URI: ${problem}`,
          target: { kind: 'domain', id: domain.id },
        });
    }
  },
});
