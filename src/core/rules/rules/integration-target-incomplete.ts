import type { IntegrationTarget } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

function missingOf(target: IntegrationTarget): string | undefined {
  // A URI kept as imported (a CloudFormation expression, a placeholder) stands for all the fields below.
  if (target.rawUri !== undefined) return undefined;
  switch (target.kind) {
    case 'LAMBDA': {
      const arn = target.functionArn.trim();
      if (!arn) return 'no Lambda function';
      // The invocation URI embeds the function's ARN; a bare name (my-function) makes a URI API Gateway
      // refuses. A placeholder (a stage variable, a template's ${lambdaArn}) may stand for the ARN.
      return /^arn:[^:]+:lambda:/.test(arn) || arn.includes('${') ? undefined : `"${arn}" as function, which is not a Lambda function ARN`;
    }
    case 'HTTP':
      // A stage variable may supply the whole address (`${stageVariables.backend}/pets`).
      return /^(https?:\/\/|\$\{stageVariables\.)\S+$/.test(target.url.trim()) ? undefined : 'no absolute http:// or https:// URL';
    case 'AWS_SERVICE':
      // An HTTP API first-class integration names its action by subtype alone (SQS-SendMessage) and runs in
      // the API's Region; its document carries no URI, so an imported one has no Region to show.
      if (target.integrationSubtype?.trim()) return undefined;
      if (!target.service.trim() || !target.region.trim()) return 'no service or Region';
      return target.actionOrPath.trim() ? undefined : 'no action or path';
    case 'VPC_LINK': {
      const connection = typeof target.connectionId === 'string' ? target.connectionId.trim() : 'set';
      return connection ? undefined : 'no VPC link';
    }
    case 'MOCK':
      return undefined;
  }
}

/** Each integration kind needs its backend address; forms can leave it empty. */
export const integrationTargetIncomplete = defineDesignRule({
  id: 'integration-target-incomplete',
  severity: 'error',
  title: 'Integration without a backend to call',
  why: 'API Gateway builds the integration URI from the backend: a Lambda function ARN (arn:aws:lambda:region:account:function:name), an absolute HTTP(S) URL, an AWS service with Region and action or path, or a VPC link. An integration without one is refused when the API is imported or deployed.',
  docsUrl: guide('api-gateway-api-integration-types'),
  reads: ['integrations'],
  check(design, _index, report) {
    for (const target of Object.values(design.integrations)) {
      const missing = missingOf(target);
      if (missing) report({ message: `Integration ${target.name} has ${missing}.`, target: { kind: 'integration', id: target.id } });
    }
  },
});
