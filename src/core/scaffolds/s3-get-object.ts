import { objectScaffold } from './s3-object';

/**
 * S3 GetObject: answers with the object of the key in the path, and its Content-Type; 404 when there is
 * none.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export const s3GetObject = objectScaffold({
  id: 's3-get-object',
  action: 'GetObject',
  docs: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html',
  ],
});
