import type { Design, IntegrationKind, MethodId, TestRequestSample, TestResponseSample } from '../../core/model';
import { setTestRequestSample, setTestResponseSample } from '../../core/model/operations/test-samples';
import { defaultTestRequest, defaultTestResponse, pathParameterNames, sampleStage } from '../../core/templates/test-sample';
import { usePortico } from '../../state/context';
import { CheckboxField, KeyValueField, SelectField, TextField } from '../fields';
import type { Operation } from '../use-field-commit';

function requestOf(design: Design, methodId: MethodId): TestRequestSample {
  return design.methods[methodId]?.integration?.testSamples?.request ?? defaultTestRequest(design, methodId);
}

function responseOf(design: Design, methodId: MethodId): TestResponseSample {
  return design.methods[methodId]?.integration?.testSamples?.response ?? defaultTestResponse();
}

/** An edit of the request sample, made on the current one (so that a burst of edits never uses stale data). */
function patchRequest(methodId: MethodId, build: (sample: TestRequestSample) => Partial<TestRequestSample>): Operation {
  return (design) => {
    const sample = requestOf(design, methodId);
    const next = { ...sample, ...build(sample) };
    if (next.stageId === undefined) delete next.stageId;
    return setTestRequestSample(design, methodId, next);
  };
}

function patchResponse(methodId: MethodId, build: (sample: TestResponseSample) => Partial<TestResponseSample>): Operation {
  return (design) => {
    const sample = responseOf(design, methodId);
    const next = { ...sample, ...build(sample) };
    if (next.errorMessage === undefined) delete next.errorMessage;
    return setTestResponseSample(design, methodId, next);
  };
}

/** The sample method request: what a client sends, on which stage, as whom. Kept with the design. */
export function SampleRequestForm({ methodId, sample, path }: { methodId: MethodId; sample: TestRequestSample; path: string }) {
  const stages = usePortico((s) => s.design.stageOrder.map((id) => `${id}\u0000${s.design.stages[id]?.name ?? id}`).join('\n'));
  const stage = usePortico((s) => sampleStage(s.design, sample.stageId));
  const key = `${methodId}.testSamples.request`;
  const stageOptions =
    stages === ''
      ? []
      : stages.split('\n').map((entry) => {
          const [value = '', label = ''] = entry.split('\u0000');
          return { value, label };
        });
  const variables = Object.entries(stage?.variables ?? {});
  return (
    <div className="space-y-2">
      {stageOptions.length > 0 ? (
        <SelectField
          label="Stage"
          fieldKey={`${key}.stage`}
          opLabel="Change sample stage"
          value={stage?.id ?? ''}
          options={stageOptions}
          hint={
            variables.length === 0
              ? 'This stage has no stage variables.'
              : `Stage variables: ${variables.map(([name, value]) => `${name} = ${value}`).join(', ')}`
          }
          toOperation={(stageId) => patchRequest(methodId, () => ({ stageId }))}
        />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">No stages yet: $stageVariables is empty and $context.stage is "test".</p>
      )}
      {pathParameterNames(path).map((name) => (
        <TextField
          key={name}
          label={`Path parameter {${name}}`}
          fieldKey={`${key}.path.${name}`}
          opLabel="Change sample path parameter"
          value={sample.pathParameters[name] ?? ''}
          toOperation={(text) => patchRequest(methodId, (current) => ({ pathParameters: { ...current.pathParameters, [name]: text } }))}
        />
      ))}
      <KeyValueField
        label="Query string"
        fieldKey={`${key}.query`}
        opLabel="Change sample query string"
        keyLabel="Query parameter"
        valueLabel="Query value"
        keyPlaceholder="page"
        valuePlaceholder="2"
        addLabel="Add query parameter"
        value={sample.queryStringParameters}
        toOperation={(queryStringParameters) => patchRequest(methodId, () => ({ queryStringParameters }))}
      />
      <KeyValueField
        label="Headers"
        fieldKey={`${key}.headers`}
        opLabel="Change sample headers"
        keyLabel="Header"
        valueLabel="Header value"
        keyPlaceholder="Content-Type"
        valuePlaceholder="application/json"
        addLabel="Add header"
        value={sample.headers}
        hint="Content-Type chooses the request template (application/json when absent); Accept chooses the response template."
        toOperation={(headers) => patchRequest(methodId, () => ({ headers }))}
      />
      <TextField
        label="Body"
        fieldKey={`${key}.body`}
        opLabel="Change sample body"
        multiline
        rows={6}
        monospace
        value={sample.body}
        toOperation={(body) => patchRequest(methodId, () => ({ body }))}
      />
      <KeyValueField
        label="$context values"
        fieldKey={`${key}.context`}
        opLabel="Change sample context"
        keyLabel="Context name"
        valueLabel="Context value"
        keyPlaceholder="authorizer.claims.sub"
        valuePlaceholder="user-123"
        addLabel="Add context value"
        value={sample.context}
        hint="Names after $context., such as identity.sourceIp, authorizer.claims.email or authorizer.principalId. Portico fills in requestId, stage, path, requestTime and the like unless you set them."
        toOperation={(context) => patchRequest(methodId, () => ({ context }))}
      />
    </div>
  );
}

/** What the backend answered: an HTTP answer, or a Lambda function's result or error. A mock has none. */
export function BackendResponseForm({ methodId, kind, sample }: { methodId: MethodId; kind: IntegrationKind; sample: TestResponseSample }) {
  const key = `${methodId}.testSamples.response`;
  if (kind === 'MOCK')
    return (
      <p className="text-xs text-slate-600 dark:text-slate-300">
        A mock integration calls nothing: the status code its request template writes ({'{"statusCode": 200}'}) chooses the integration
        response.
      </p>
    );
  if (kind === 'LAMBDA')
    return (
      <div className="space-y-2">
        <CheckboxField
          label="The function failed"
          fieldKey={`${key}.failed`}
          opLabel="Change sample outcome"
          value={sample.errorMessage !== undefined}
          hint="Selection patterns are matched against a failed function's errorMessage; a result that returns normally gets the default response."
          toOperation={(failed) => patchResponse(methodId, () => ({ errorMessage: failed ? 'Malformed input' : undefined }))}
        />
        {sample.errorMessage !== undefined ? (
          <TextField
            label="Error message"
            fieldKey={`${key}.errorMessage`}
            opLabel="Change sample error message"
            value={sample.errorMessage}
            toOperation={(errorMessage) => patchResponse(methodId, () => ({ errorMessage }))}
          />
        ) : null}
        <TextField
          label={sample.errorMessage !== undefined ? 'Error object (empty: the standard one)' : 'Function result'}
          fieldKey={`${key}.body`}
          opLabel="Change sample function result"
          multiline
          rows={5}
          monospace
          value={sample.body}
          toOperation={(body) => patchResponse(methodId, () => ({ body }))}
        />
      </div>
    );
  return (
    <div className="space-y-2">
      <TextField
        label="Backend status code"
        fieldKey={`${key}.status`}
        opLabel="Change sample status code"
        value={sample.statusCode}
        hint="Selection patterns are matched against it."
        toOperation={(statusCode) => patchResponse(methodId, () => ({ statusCode: statusCode.trim() }))}
      />
      <KeyValueField
        label="Backend headers"
        fieldKey={`${key}.headers`}
        opLabel="Change sample backend headers"
        keyLabel="Backend header"
        valueLabel="Backend header value"
        keyPlaceholder="x-app-id"
        addLabel="Add backend header"
        value={sample.headers}
        toOperation={(headers) => patchResponse(methodId, () => ({ headers }))}
      />
      <TextField
        label="Backend body"
        fieldKey={`${key}.body`}
        opLabel="Change sample backend body"
        multiline
        rows={6}
        monospace
        value={sample.body}
        toOperation={(body) => patchResponse(methodId, () => ({ body }))}
      />
    </div>
  );
}
