import { Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import {
  type Authorizer,
  type AuthorizerId,
  addJwtClaim,
  addJwtIssuer,
  type JwtAdditionalClaim,
  type JwtIssuer,
  jwtAlgorithms,
  jwtClaimFormat,
  removeJwtClaim,
  removeJwtIssuer,
  setJwtAlgorithm,
  setJwtTokenHeader,
  updateJwtClaim,
  updateJwtIssuer,
} from '../../core/model';
import { Button, IconButton } from '../../ui/button';
import { inputClass } from '../../ui/field';
import { formatList, parseListDraft } from '../drafts';
import { CheckboxField, TextField } from '../fields';
import { type Operation, useApply, useFieldCommit } from '../use-field-commit';

/** The header a REST identity source names (`method.request.header.Authorization` → `Authorization`), or undefined. */
export function tokenHeaderOf(identitySource: string | undefined): string | undefined {
  return /^method\.request\.header\.([^\s,]+)$/.exec(identitySource ?? '')?.[1];
}

/**
 * A comma-separated list of short texts, like `ListField`, with the screen-reader context that tells the
 * audiences of one issuer from another's.
 */
function ListText(props: {
  label: string;
  context: string;
  fieldKey: string;
  value: readonly string[];
  placeholder: string;
  hint: string;
  toOperation: (items: string[]) => Operation;
}) {
  return (
    <TextField
      label={props.label}
      context={props.context}
      fieldKey={props.fieldKey}
      value={formatList(props.value)}
      placeholder={props.placeholder}
      hint={props.hint}
      toOperation={(text) => props.toOperation(parseListDraft(text))}
    />
  );
}

/**
 * One or two text inputs and a button that add an item through an operation; a refusal stays under the
 * inputs, with what was typed, until it is corrected.
 */
function AddRow({
  fieldKey,
  opLabel,
  button,
  inputs,
  toOperation,
}: {
  fieldKey: string;
  opLabel: string;
  button: string;
  inputs: { label: string; placeholder: string; hint?: string }[];
  toOperation: (values: string[]) => Operation;
}) {
  const { error, setError, commit } = useFieldCommit(opLabel, `${fieldKey}.add`);
  const [values, setValues] = useState(() => inputs.map(() => ''));
  const id = useId();
  const errorId = `${id}-error`;
  const submit = () => {
    if (commit(toOperation(values))) setValues(inputs.map(() => ''));
  };
  return (
    <div className="space-y-1 rounded border border-dashed border-slate-300 p-2 dark:border-slate-600">
      {inputs.map((input, index) => (
        <div key={input.label}>
          <label htmlFor={`${id}-${index}`} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
            {input.label}
          </label>
          <input
            id={`${id}-${index}`}
            className={inputClass}
            value={values[index] ?? ''}
            placeholder={input.placeholder}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : input.hint ? `${id}-${index}-hint` : undefined}
            onChange={(event) => {
              const next = [...values];
              next[index] = event.target.value;
              setValues(next);
              setError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                submit();
              }
            }}
          />
          {input.hint ? (
            <p id={`${id}-${index}-hint`} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
              {input.hint}
            </p>
          ) : null}
        </div>
      ))}
      {error ? (
        <p id={errorId} role="alert" data-testid="field-error" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button size="sm" icon={<Plus size={14} />} onClick={submit}>
        {button}
      </Button>
    </div>
  );
}

function ClaimFields({
  id,
  issuerIndex,
  claimIndex,
  claim,
  where,
}: {
  id: AuthorizerId;
  issuerIndex: number;
  claimIndex: number;
  claim: JwtAdditionalClaim;
  where: string;
}) {
  const apply = useApply();
  const context = `${where}, claim ${claimIndex + 1}`;
  const key = `${id}.jwtIssuers.${issuerIndex}.claims.${claimIndex}`;
  const patch =
    (value: Partial<JwtAdditionalClaim>): Operation =>
    (design) =>
      updateJwtClaim(design, id, issuerIndex, claimIndex, value);
  return (
    <li className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-end gap-1">
        <TextField
          className="flex-1"
          label="Claim name"
          context={context}
          fieldKey={`${key}.name`}
          value={claim.claimName}
          placeholder="tenant_id"
          toOperation={(claimName) => patch({ claimName })}
        />
        <IconButton
          label={`Remove claim ${claim.claimName || claimIndex + 1} of ${where}`}
          icon={<Trash2 size={14} />}
          onClick={() => apply('Remove claim', (design) => removeJwtClaim(design, id, issuerIndex, claimIndex))}
        />
      </div>
      <ListText
        label="Accepted values"
        context={context}
        fieldKey={`${key}.expectedValues`}
        value={claim.expectedValues}
        placeholder="Any value"
        hint="Matched exactly; separate with commas. Empty: any value is accepted."
        toOperation={(expectedValues) => patch({ expectedValues })}
      />
      <CheckboxField
        label="Tokens must carry this claim"
        context={context}
        fieldKey={`${key}.required`}
        value={claim.required ?? false}
        toOperation={(required) => patch({ required })}
      />
      {claim.format === jwtClaimFormat ? null : (
        <p className="text-xs text-red-700 dark:text-red-300">
          Format {claim.format}, as imported: API Gateway accepts {jwtClaimFormat} only.{' '}
          <button type="button" className="underline" onClick={() => apply('Change claim format', patch({ format: jwtClaimFormat }))}>
            Use {jwtClaimFormat}
          </button>
        </p>
      )}
    </li>
  );
}

function IssuerFields({ id, index, issuer }: { id: AuthorizerId; index: number; issuer: JwtIssuer }) {
  const apply = useApply();
  const where = `issuer ${index + 1}`;
  const key = `${id}.jwtIssuers.${index}`;
  const patch =
    (value: Partial<JwtIssuer>): Operation =>
    (design) =>
      updateJwtIssuer(design, id, index, value);
  return (
    <li>
      <fieldset className="space-y-2 rounded border border-slate-300 p-2 dark:border-slate-600">
        <legend className="px-1 text-xs font-semibold text-slate-700 dark:text-slate-200">Issuer {index + 1}</legend>
        <div className="flex items-end gap-1">
          <TextField
            className="flex-1"
            label="Issuer URL"
            context={`Issuer ${index + 1}`}
            fieldKey={`${key}.issuer`}
            value={issuer.issuer}
            monospace
            hint="Exactly as the tokens' iss claim writes it, trailing slash included."
            toOperation={(text) => patch({ issuer: text })}
          />
          <IconButton
            label={`Remove issuer ${issuer.issuer}`}
            icon={<Trash2 size={14} />}
            onClick={() => apply('Remove issuer', (design) => removeJwtIssuer(design, id, index))}
          />
        </div>
        <ListText
          label="Audiences"
          context={`Issuer ${index + 1}`}
          fieldKey={`${key}.audiences`}
          value={issuer.audiences}
          placeholder="example-client-id"
          hint="Values the token's aud claim must hold one of; separate with commas."
          toOperation={(audiences) => patch({ audiences })}
        />
        <div className="space-y-1">
          <p className="text-xs font-medium text-slate-700 dark:text-slate-300">Additional claims</p>
          {issuer.additionalClaims.length === 0 ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">None: any token of this issuer for these audiences is accepted.</p>
          ) : (
            <ul className="space-y-1" aria-label={`Additional claims of ${where}`}>
              {issuer.additionalClaims.map((claim, claimIndex) => (
                <ClaimFields
                  // Claims are addressed by position, as the operations address them.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                  key={claimIndex}
                  id={id}
                  issuerIndex={index}
                  claimIndex={claimIndex}
                  claim={claim}
                  where={where}
                />
              ))}
            </ul>
          )}
          <AddRow
            fieldKey={`${key}.claims`}
            opLabel="Add claim"
            button="Add claim"
            inputs={[{ label: `New claim of issuer ${index + 1}`, placeholder: 'tenant_id' }]}
            toOperation={([claimName]) =>
              (design) =>
                addJwtClaim(design, id, index, { claimName: claimName ?? '' })
              }
          />
        </div>
      </fieldset>
    </li>
  );
}

/**
 * A REST API JWT authorizer: the header it reads the token from, the signing algorithms it accepts, and
 * the issuers it trusts, each with its audiences and additional claims.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 */
export function RestJwtFields({ authorizer }: { authorizer: Authorizer }) {
  const id = authorizer.id;
  const header = tokenHeaderOf(authorizer.identitySource);
  const algorithms = authorizer.jwtAlgorithms ?? [];
  const unknown = algorithms.filter((algorithm) => !(jwtAlgorithms as readonly string[]).includes(algorithm));
  const issuers = authorizer.jwtIssuers ?? [];
  return (
    <>
      <TextField
        label="Token header"
        fieldKey={`${id}.tokenHeader`}
        value={header ?? ''}
        placeholder={authorizer.identitySource ? undefined : 'Authorization'}
        hint={
          header === undefined && authorizer.identitySource
            ? `Reads ${authorizer.identitySource}, which is not one header: enter the header that carries the token.`
            : 'The request header that carries the token, with or without "Bearer ".'
        }
        toOperation={(text) => (design) => setJwtTokenHeader(design, id, text)}
      />
      <fieldset className="space-y-1">
        <legend className="mb-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">Signing algorithms</legend>
        <div className="grid grid-cols-3 gap-1">
          {jwtAlgorithms.map((algorithm) => (
            <CheckboxField
              key={algorithm}
              label={algorithm}
              context="Signing algorithm"
              fieldKey={`${id}.jwtAlgorithms.${algorithm}`}
              value={algorithms.includes(algorithm)}
              toOperation={(accepted) => (design) => setJwtAlgorithm(design, id, algorithm, accepted)}
            />
          ))}
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Accepted from every issuer; tokens signed otherwise are refused.
          {unknown.length > 0 ? ` Also listed, as imported, and refused by API Gateway: ${unknown.join(', ')}.` : ''}
        </p>
      </fieldset>
      <div className="space-y-1">
        <p className="text-xs font-medium text-slate-700 dark:text-slate-300">Issuers</p>
        {issuers.length === 0 ? (
          <p className="text-xs text-red-700 dark:text-red-300">
            No issuer yet: add the identity provider whose tokens this authorizer accepts.
          </p>
        ) : (
          <ul className="space-y-2" aria-label="Trusted issuers">
            {issuers.map((issuer, index) => (
              // Issuers are addressed by position, as the operations address them.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <IssuerFields key={index} id={id} index={index} issuer={issuer} />
            ))}
          </ul>
        )}
        <AddRow
          fieldKey={`${id}.jwtIssuers`}
          opLabel="Add issuer"
          button="Add issuer"
          inputs={[
            { label: 'New issuer URL', placeholder: 'https://login.example.com/' },
            { label: 'Its audiences', placeholder: 'api://orders', hint: 'Separate with commas.' },
          ]}
          toOperation={([issuer, audiences]) =>
            (design) =>
              addJwtIssuer(design, id, issuer ?? '', parseListDraft(audiences ?? ''))
            }
        />
      </div>
    </>
  );
}
