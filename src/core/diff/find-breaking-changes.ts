import type { Design } from '../model';
import { checkCacheKeys } from './check-cache-keys';
import { checkOperations } from './check-operations';
import { checkParameters } from './check-parameters';
import { checkRequestBody } from './check-request-body';
import { checkRequestValidator } from './check-request-validator';
import { checkResponses } from './check-responses';
import { checkSecurity } from './check-security';
import { checkStages } from './check-stages';
import { checkUsagePlans } from './check-usage-plans';
import type { ChangeFinding } from './finding';
import { Findings } from './findings';
import { clientOperations } from './operations';

/**
 * What changed between two designs for the API's clients, each change judged breaking, warning or info
 * with the reason. Operations are matched by meaning (verb and path shape, route key), never by id, so
 * two imports of related documents compare as well as two versions of one design.
 */
export function findBreakingChanges(base: Design, revision: Design): ChangeFinding[] {
  const findings = new Findings();
  const context = { base, revision, findings };
  const before = clientOperations(base);
  const after = clientOperations(revision);
  checkOperations(context, before, after);
  for (const [key, operation] of after) {
    const old = before.get(key);
    if (!old) continue;
    checkParameters(context, old, operation);
    checkRequestBody(context, old, operation);
    checkResponses(context, old, operation);
    checkSecurity(context, old, operation);
    checkRequestValidator(context, old, operation);
    checkCacheKeys(context, old, operation);
  }
  checkStages(context, before, after);
  checkUsagePlans(context, before, after);
  return findings.sorted();
}
