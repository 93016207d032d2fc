import {
  addApiMapping,
  addDomain,
  addStage,
  asId,
  type CustomDomain,
  type Design,
  emptyDesign,
  type StageId,
  updateDomain,
} from '../../model';
import { build, ids } from '../../model/testing/design-builder';

/** The domain of the designs below. */
export const dom = asId('Domain', 'dom_api');

export const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

/**
 * A REST API with stages prod and beta and the domain api.example.com (certificate set, routing rules then
 * API mappings, its root mapped to prod): what each domain rule accepts.
 */
export function restWithDomain(): Design {
  return build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    (d) => addDomain(d, { domainName: 'api.example.com', id: dom }),
    (d) => updateDomain(d, dom, { certificateArn, routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }),
    (d) => addApiMapping(d, dom, { basePath: '', stageId: ids.stg('prod') }),
  );
}

/**
 * The design with the domain's data replaced as given, bypassing the operations (which refuse what the
 * rules report): what a hand-edited file, an API type change or an older Portico can leave.
 */
export function withDomain(design: Design, patch: Partial<CustomDomain>): Design {
  const domain = design.domains[dom] as CustomDomain;
  return { ...design, domains: { ...design.domains, [dom]: { ...domain, ...patch } } };
}

/** A routing rule with one header condition, to `stageId`. */
export function headerRule(priority: number, stageId: StageId = ids.stg('beta')): CustomDomain['routingRules'][number] {
  return {
    priority,
    conditions: { headers: [{ header: 'x-version', valueGlob: 'beta' }], basePaths: [] },
    action: { stageId, stripBasePath: false },
  };
}
