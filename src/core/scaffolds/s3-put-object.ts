import { objectScaffold } from './s3-object';

/**
 * S3 PutObject: stores the client's body as the object of the key in the path, with the client's
 * Content-Type.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 */
export const s3PutObject = objectScaffold({
  id: 's3-put-object',
  action: 'PutObject',
  docs: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-s3.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html',
  ],
});
