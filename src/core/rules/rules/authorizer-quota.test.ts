import { describe, expect, it } from 'vitest';
import { addAuthorizer, type Design, emptyDesign } from '../../model';
import { build } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { authorizerQuota as rule } from './authorizer-quota';

function withAuthorizers(lambdas: number, iam: number): Design {
  let design = emptyDesign('REST');
  for (let index = 0; index < lambdas; index += 1) design = build(design, (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST' }));
  for (let index = 0; index < iam; index += 1) design = build(design, (d) => addAuthorizer(d, { kind: 'IAM' }));
  return design;
}

describe('authorizer-quota', () => {
  it('warns at 11 Lambda authorizers', () => {
    expect(lintWith(rule, withAuthorizers(11, 0))).toMatchObject([{ severity: 'warning', target: { kind: 'api', id: 'api' } }]);
  });

  it('does not count IAM authorization', () => {
    expect(lintWith(rule, withAuthorizers(10, 3))).toEqual([]);
  });
});
