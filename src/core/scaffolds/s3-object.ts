import { partitionOf, regionProblem } from './arns';
import {
  built,
  errorResponses,
  jsonText,
  jsonType,
  methodResponse,
  okResponse,
  pathParameterProblem,
  refused,
  roleField,
  valuesOf,
  withRole,
} from './common';
import type { ScaffoldField, ServiceScaffold } from './types';

/**
 * What the two S3 scaffolds share: the object is addressed by path (`{bucket}/{prefix}{object}`), the
 * object's key read from a path variable of the method and mapped to the integration's `{object}`
 * (`integration.request.path.object`), as AWS's S3 proxy tutorial does; the role may read or write
 * objects under that prefix of that bucket only (`arn:aws:s3:::bucket/prefix*`). REST APIs only.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-as-s3-proxy-export-swagger-with-extensions.html
 */
export type ObjectAction = 'GetObject' | 'PutObject';

const bucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const prefixPattern = /^[A-Za-z0-9!_.()/-]*$/;

function objectFields(action: ObjectAction): ScaffoldField[] {
  return [
    { key: 'bucket', label: 'Bucket name', kind: 'text', placeholder: 'my-uploads' },
    { key: 'region', label: 'Bucket region', kind: 'text', defaultValue: 'us-east-1', placeholder: 'us-east-1' },
    {
      key: 'prefix',
      label: 'Key prefix',
      kind: 'text',
      optional: true,
      placeholder: 'uploads/',
      hint: 'Only objects under this prefix; the role may touch nothing else in the bucket.',
    },
    {
      key: 'keyParameter',
      label: 'Path variable holding the object key',
      kind: 'path-parameter',
      hint:
        action === 'GetObject'
          ? 'A greedy variable such as {key+} lets keys contain "/". Add the binary types your objects have to the API’s binary media types.'
          : 'A greedy variable such as {key+} lets keys contain "/". The client’s Content-Type is stored with the object.',
    },
    roleField,
  ];
}

interface ObjectScaffold {
  id: ServiceScaffold['id'];
  action: ObjectAction;
  docs: string[];
}

export function objectScaffold(spec: ObjectScaffold): ServiceScaffold {
  const fields = objectFields(spec.action);
  return {
    id: spec.id,
    title: `S3 ${spec.action}`,
    docs: spec.docs,
    fields,
    build(input, context) {
      const values = valuesOf(fields, input);
      return withRole(values, () => {
        const bucket = values.bucket ?? '';
        if (!bucketPattern.test(bucket) || bucket.includes('..'))
          return refused('bucket', 'A bucket name is 3 to 63 lower-case letters, digits, dots and hyphens.');
        const region = values.region ?? '';
        const badRegion = regionProblem(region);
        if (badRegion) return refused('region', badRegion);
        let prefix = (values.prefix ?? '').replace(/^\/+/, '');
        if (!prefixPattern.test(prefix)) return refused('prefix', 'A key prefix the scaffold writes is letters, digits and ! _ . ( ) / -.');
        if (prefix !== '' && !prefix.endsWith('/')) prefix = `${prefix}/`;
        const parameter = values.keyParameter ?? '';
        const parameterProblem = pathParameterProblem(parameter, context, 'The object key');
        if (parameterProblem) return refused('keyParameter', parameterProblem);
        const partition = partitionOf(region);
        const put = spec.action === 'PutObject';
        const requestParameters: Record<string, string> = { 'integration.request.path.object': `method.request.path.${parameter}` };
        // The stored object keeps the type the client sent; without the mapping S3 would store application/json.
        if (put) requestParameters['integration.request.header.Content-Type'] = 'method.request.header.Content-Type';
        const contentType = { 'method.response.header.Content-Type': 'integration.response.header.Content-Type' };
        return built({
          name: `S3 ${spec.action}: ${bucket}`,
          target: {
            service: 's3',
            region,
            ...(partition === 'aws' ? {} : { partition }),
            style: 'path',
            actionOrPath: `${bucket}/${prefix}{object}`,
            httpMethod: put ? 'PUT' : 'GET',
          },
          rolePolicy: {
            statements: [{ actions: [`s3:${spec.action}`], resources: [`arn:${partition}:s3:::${bucket}/${prefix}*`] }],
          },
          binding: {
            proxy: false,
            requestParameters,
            requestTemplates: {},
            responses: put
              ? [
                  okResponse(`{"bucket": "${bucket}", "key": "${prefix}${jsonText(`$input.params('${parameter}')`)}"}`),
                  ...errorResponses('Amazon S3'),
                ]
              : [
                  okResponse(undefined, contentType),
                  // Without s3:ListBucket, S3 answers 403 rather than 404 for a key it does not have.
                  {
                    selectionPattern: '40[34]',
                    statusCode: '404',
                    responseParameters: {},
                    responseTemplates: { [jsonType]: `{"message": "No object has this key.", "requestId": "$context.requestId"}` },
                  },
                  ...errorResponses('Amazon S3').map((response) =>
                    response.statusCode === '400' ? { ...response, selectionPattern: '4(?:0[0-25-9]|[1-9]\\d)' } : response,
                  ),
                ],
            // No request template: the body (PutObject) goes to S3 as the client sent it.
            passthroughBehavior: 'WHEN_NO_MATCH',
          },
          methodResponses: put
            ? [
                methodResponse('200', 'The object was stored.'),
                methodResponse('400', 'The service refused the request.'),
                methodResponse('500', 'The service could not handle the request.'),
              ]
            : [
                methodResponse('200', 'The object.', ['Content-Type']),
                methodResponse('404', 'No object has this key.'),
                methodResponse('400', 'The service refused the request.'),
                methodResponse('500', 'The service could not handle the request.'),
              ],
          methodParameters: put ? [{ in: 'header', name: 'Content-Type', required: false, schema: { type: 'string' } }] : [],
        });
      });
    },
  };
}
