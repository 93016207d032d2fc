import {
  type ApiType,
  type CustomDomain,
  type Design,
  type DomainEndpointType,
  type DomainId,
  type DomainPatch,
  domainEndpointTypesFor,
  domainSecurityPoliciesFor,
  type EndpointAccessMode,
  endpointAccessModes,
  type IpAddressType,
  isEnhancedPolicy,
  type RoutingMode,
  refuse,
  routingModes,
  type SecurityPolicy,
  updateDomain,
} from '../../core/model';
import { usePortico } from '../../state/context';
import { Section } from '../../ui/field';
import { JsonField, ListField, SelectField, TextField } from '../fields';
import type { Operation } from '../use-field-commit';
import { ApiMappings } from './api-mappings';
import { RoutingRules } from './routing-rules';

function patch(domainId: DomainId, build: (domain: CustomDomain) => DomainPatch): Operation {
  return (design: Design) => {
    const domain = design.domains[domainId];
    if (!domain) refuse('not-found', 'This custom domain was deleted.');
    return updateDomain(design, domainId, build(domain));
  };
}

const endpointTypeLabels: Record<DomainEndpointType, string> = {
  REGIONAL: 'Regional',
  EDGE: 'Edge-optimized (through CloudFront)',
  PRIVATE: 'Private (reached through VPC endpoints)',
};

const routingModeLabels: Record<RoutingMode, string> = {
  API_MAPPING_ONLY: 'API mappings only',
  ROUTING_RULE_THEN_API_MAPPING: 'Routing rules, then API mappings',
  ROUTING_RULE_ONLY: 'Routing rules only',
};

const accessModeLabels: Record<EndpointAccessMode, string> = {
  STRICT: 'STRICT (recommended): same endpoint type and matching SNI only',
  BASIC: 'BASIC',
};

/** Every setting of one custom domain, then its API mappings and routing rules. */
export function DomainForm({ domainId, apiType }: { domainId: DomainId; apiType: ApiType }) {
  const domain = usePortico((s) => s.design.domains[domainId]);
  if (!domain) return null;
  const enhanced = isEnhancedPolicy(domain.securityPolicy);
  const isRest = apiType === 'REST';
  const mutualTlsPossible = domain.endpointType === 'REGIONAL' && apiType !== 'WEBSOCKET' && !enhanced;
  return (
    <div className="space-y-1" data-testid="domain-form">
      <div className="space-y-2">
        <TextField
          label="Domain name"
          fieldKey={`${domainId}.domainName`}
          opLabel="Rename custom domain"
          hint="A host name you own, such as api.example.com; *.example.com covers its subdomains."
          value={domain.domainName}
          monospace
          toOperation={(domainName) => patch(domainId, () => ({ domainName }))}
        />
        <TextField
          label="ACM certificate ARN"
          fieldKey={`${domainId}.certificateArn`}
          hint={
            domain.endpointType === 'EDGE'
              ? 'An AWS Certificate Manager certificate for the name, in us-east-1 (CloudFront serves edge-optimized domains).'
              : "An AWS Certificate Manager certificate for the name, in the API's Region."
          }
          placeholder="arn:aws:acm:us-east-1:123456789012:certificate/…"
          value={domain.certificateArn}
          monospace
          toOperation={(certificateArn) => patch(domainId, () => ({ certificateArn }))}
        />
        <SelectField
          label="Endpoint type"
          fieldKey={`${domainId}.endpointType`}
          hint={isRest ? undefined : 'HTTP and WebSocket APIs take Regional custom domains only.'}
          value={domain.endpointType}
          options={domainEndpointTypesFor(apiType).map((value) => ({ value, label: endpointTypeLabels[value] }))}
          toOperation={(value) => patch(domainId, () => ({ endpointType: value as DomainEndpointType }))}
        />
        <SelectField
          label="IP address type"
          fieldKey={`${domainId}.ipAddressType`}
          hint={domain.endpointType === 'PRIVATE' ? 'Private custom domains are dual-stack only.' : undefined}
          value={domain.ipAddressType}
          options={(domain.endpointType === 'PRIVATE' ? (['dualstack'] as const) : (['ipv4', 'dualstack'] as const)).map((value) => ({
            value,
            label: value === 'ipv4' ? 'IPv4 only' : 'Dual-stack (IPv4 and IPv6)',
          }))}
          toOperation={(value) => patch(domainId, () => ({ ipAddressType: value as IpAddressType }))}
        />
      </div>
      <Section title="TLS">
        <SelectField
          label="Security policy"
          fieldKey={`${domainId}.securityPolicy`}
          hint={
            isRest
              ? 'TLS versions and ciphers the domain accepts. Policies named SecurityPolicy_… are enhanced: they need an endpoint access mode and exclude mutual TLS.'
              : 'HTTP and WebSocket APIs accept TLS_1_2 only.'
          }
          value={domain.securityPolicy}
          options={domainSecurityPoliciesFor(apiType, domain.endpointType).map((value) => ({ value, label: value }))}
          toOperation={(value) =>
            patch(domainId, (current) => ({
              securityPolicy: value as SecurityPolicy,
              // An enhanced policy comes with its access mode; STRICT is what AWS recommends.
              ...(isEnhancedPolicy(value) ? { endpointAccessMode: current.endpointAccessMode ?? 'STRICT' } : {}),
            }))
          }
        />
        {enhanced ? (
          <SelectField
            label="Endpoint access mode"
            fieldKey={`${domainId}.endpointAccessMode`}
            value={domain.endpointAccessMode ?? 'STRICT'}
            options={endpointAccessModes.map((value) => ({ value, label: accessModeLabels[value] }))}
            toOperation={(value) => patch(domainId, () => ({ endpointAccessMode: value as EndpointAccessMode }))}
          />
        ) : null}
      </Section>
      <Section title="Mutual TLS" defaultOpen={domain.mutualTls !== undefined}>
        {mutualTlsPossible || domain.mutualTls ? (
          <>
            <TextField
              label="Truststore S3 URI"
              fieldKey={`${domainId}.truststoreUri`}
              hint="Clients must present a certificate the truststore (a PEM file in S3) vouches for. Empty: no mutual TLS."
              placeholder="s3://bucket-name/truststore.pem"
              value={domain.mutualTls?.truststoreUri ?? ''}
              monospace
              toOperation={(text) =>
                patch(domainId, (current) => ({
                  mutualTls: text.trim() === '' ? undefined : { ...current.mutualTls, truststoreUri: text },
                }))
              }
            />
            {domain.mutualTls ? (
              <TextField
                label="Truststore object version"
                fieldKey={`${domainId}.truststoreVersion`}
                hint="The S3 object version (the bucket must be versioned). Empty: the latest."
                value={domain.mutualTls.truststoreVersion ?? ''}
                monospace
                toOperation={(text) =>
                  patch(domainId, (current) => ({
                    mutualTls: { truststoreUri: current.mutualTls?.truststoreUri ?? '', truststoreVersion: text },
                  }))
                }
              />
            ) : null}
          </>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {apiType === 'WEBSOCKET'
              ? 'WebSocket APIs have no mutual TLS.'
              : domain.endpointType !== 'REGIONAL'
                ? 'Mutual TLS needs a Regional domain: change the endpoint type to use it.'
                : 'Mutual TLS needs a legacy policy (TLS_1_2): an enhanced policy excludes it.'}
          </p>
        )}
      </Section>
      {domain.endpointType === 'PRIVATE' ? (
        <Section title="Private access">
          <ListField
            label="VPC endpoints (domain name access associations)"
            fieldKey={`${domainId}.accessAssociations`}
            hint="The execute-api interface endpoints callers reach the domain through, comma-separated (vpce-…)."
            value={domain.accessAssociations}
            toOperation={(accessAssociations) => patch(domainId, () => ({ accessAssociations }))}
          />
          <JsonField
            label="Domain policy (execute-api)"
            fieldKey={`${domainId}.policy`}
            hint="Which VPC endpoints may invoke the domain. Empty: the generated program allows the endpoints above."
            value={domain.policy}
            optional
            toOperation={(policy) => patch(domainId, () => ({ policy }))}
          />
        </Section>
      ) : null}
      <Section title="Routing">
        {isRest ? (
          <SelectField
            label="Routing mode"
            fieldKey={`${domainId}.routingMode`}
            hint="Routing rules are tried before API mappings."
            value={domain.routingMode}
            options={routingModes.map((value) => ({ value, label: routingModeLabels[value] }))}
            toOperation={(value) => patch(domainId, () => ({ routingMode: value as RoutingMode }))}
          />
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Routing rules target REST APIs only: this domain sends traffic through its API mappings.
          </p>
        )}
      </Section>
      <Section title="API mappings">
        <ApiMappings domainId={domainId} />
      </Section>
      {isRest ? (
        <Section title="Routing rules">
          <RoutingRules domainId={domainId} />
        </Section>
      ) : null}
    </div>
  );
}
