import { describe, expect, it } from 'vitest';
import { policyDocument } from './policy-document';

describe('policyDocument', () => {
  it('writes a role policy as IAM does: one Allow statement per statement, single values unwrapped', () => {
    const text = policyDocument({
      statements: [
        { actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:123456789012:orders'] },
        { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::b/a/*', 'arn:aws:s3:::b/c/*'] },
      ],
    });
    expect(JSON.parse(text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:123456789012:orders' },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::b/a/*', 'arn:aws:s3:::b/c/*'] },
      ],
    });
    expect(text.split('\n').length).toBeGreaterThan(5);
  });
});
