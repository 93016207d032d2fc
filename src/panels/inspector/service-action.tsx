import { useId, useState } from 'react';
import { type IntegrationId, type IntegrationRolePolicy, updateIntegration } from '../../core/model';
import { type ScaffoldId, scaffoldAvailable, scaffoldCatalogue } from '../../core/scaffolds/catalogue';
import { policyDocument } from '../../core/scaffolds/policy-document';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button } from '../../ui/button';
import { inputClass } from '../../ui/field';
import { openScaffoldDialog } from '../scaffold-request';

/**
 * Chooses an AWS service action (SQS SendMessage, DynamoDB PutItem…) for this target: the service
 * integration dialog asks for the action's few values and fills in the target, the method's mappings and
 * responses, and the policy of the role the CDK program creates.
 */
export function ServiceActionField({ id }: { id: IntegrationId }) {
  const store = usePorticoStore();
  const apiType = usePortico((s) => s.design.api.type);
  const available = scaffoldCatalogue.filter((entry) => scaffoldAvailable(entry, apiType));
  const [choice, setChoice] = useState<ScaffoldId | ''>('');
  const selectId = useId();
  if (available.length === 0) return null;
  return (
    <div className="rounded border border-violet-200 bg-violet-50 p-2 dark:border-violet-900 dark:bg-violet-950">
      <label htmlFor={selectId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        Service action
      </label>
      <div className="flex gap-2">
        <select id={selectId} className={inputClass} value={choice} onChange={(event) => setChoice(event.target.value as ScaffoldId | '')}>
          <option value="">Choose an action to set up…</option>
          {available.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          disabled={choice === ''}
          onClick={() => {
            if (choice !== '') openScaffoldDialog(store, { scaffoldId: choice, integrationId: id });
          }}
        >
          Set up…
        </Button>
      </div>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
        Fills in the URI, the method’s request mappings, template and responses, and a least-privilege role.
      </p>
    </div>
  );
}

/** The policy of the role the CDK program creates for this target, read-only, and the way back to one's own role. */
export function CreatedRole({ id, policy }: { id: IntegrationId; policy: IntegrationRolePolicy }) {
  const apply = usePortico((s) => s.apply);
  return (
    <section aria-label="Role the CDK program creates" className="space-y-1">
      <h3 className="text-xs font-medium text-slate-700 dark:text-slate-300">Role the CDK program creates</h3>
      <textarea
        readOnly
        aria-label="IAM policy document"
        data-testid="integration-role-policy"
        rows={10}
        spellCheck={false}
        className="max-h-48 w-full resize-y rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        value={policyDocument(policy)}
      />
      <p className="text-xs text-slate-600 dark:text-slate-300">
        The CDK program creates a role that API Gateway assumes (apigateway.amazonaws.com) with exactly this policy, and the integration
        uses it. The OpenAPI export cannot create roles: it names the execution role ARN above, or a stand-in until you enter one.
      </p>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => apply('Use my own role', (design) => updateIntegration(design, id, { rolePolicy: undefined }))}
      >
        Use my own role instead
      </Button>
    </section>
  );
}
