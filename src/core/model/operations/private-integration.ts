import type { Design } from '../design';
import { refuse } from '../errors';
import type { IntegrationId } from '../ids';
import type { TextOrIntrinsic } from '../json';
import { mustGet } from './helpers';
import { updateIntegration } from './integrations';

/**
 * Makes a REST private integration go through a VPC link V2 to a load balancer (`integrationTarget`: the
 * Application or Network Load Balancer's ARN; '' while it is not chosen yet), or back to a VPC link V1
 * (legacy, to a Network Load Balancer) with `undefined`. HTTP APIs name their load balancer's listener
 * in the integration URI instead, so they have no such setting.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
 */
export function setIntegrationTarget(design: Design, integrationId: IntegrationId, integrationTarget: TextOrIntrinsic | undefined): Design {
  const target = mustGet(design.integrations, integrationId, 'integration');
  if (target.kind !== 'VPC_LINK')
    refuse(
      'not-allowed',
      'Only a private integration (VPC link) sends requests to a load balancer; add a "Private endpoint (VPC link)" integration.',
    );
  if (integrationTarget !== undefined && design.api.type !== 'REST')
    refuse(
      'wrong-api-type',
      'Only REST APIs name the load balancer of a VPC link V2 in integrationTarget; an HTTP API names its listener or Cloud Map service in the integration URI.',
    );
  const text = typeof integrationTarget === 'string' ? integrationTarget.trim() : integrationTarget;
  return updateIntegration(design, integrationId, { integrationTarget: text });
}
