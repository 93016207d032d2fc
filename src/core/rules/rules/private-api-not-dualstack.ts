import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * "Private APIs can only have a dualstack IP address type" (DG api-gateway-ip-address-type). updateApi
 * refuses IPv4 for a private API; an imported or older design may still say it.
 */
export const privateApiNotDualstack = defineDesignRule({
  id: 'private-api-not-dualstack',
  severity: 'error',
  title: 'Private API with the IPv4 IP address type',
  why: 'Private REST APIs can only have the dualstack IP address type (IPv4 and IPv6): API Gateway makes an API dualstack when its endpoint becomes private, and refuses IPv4 for it. A private API that leaves the IP address type unset is dualstack; one that asks for ipv4 cannot be deployed.',
  docsUrl: guide('api-gateway-ip-address-type'),
  reads: ['api'],
  check(design, _index, report) {
    const api = design.api;
    if (api.type !== 'REST' || api.endpointType !== 'PRIVATE' || api.ipAddressType !== 'ipv4') return;
    report({
      message: 'The API is private but its IP address type is IPv4 only; private APIs are dual-stack.',
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Make the API dual-stack', apply: (d) => updateApi(d, { ipAddressType: 'dualstack' }) },
    });
  },
});
