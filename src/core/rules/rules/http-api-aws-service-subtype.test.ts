import { describe, expect, it } from 'vitest';
import { addIntegration, emptyDesign } from '../../model';
import { changeApiType } from '../../model/operations/convert-api-type';
import { build, ids } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { httpApiAwsServiceSubtype as rule } from './http-api-aws-service-subtype';

describe('http-api-aws-service-subtype', () => {
  it('names a REST-style service integration kept after the switch to HTTP', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('queue'), name: 'Queue' }),
      (d) => changeApiType(d, 'HTTP'),
    );
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'integration', id: ids.int('queue') } }]);
  });

  it('is quiet on an HTTP first-class integration and on REST service integrations', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('HTTP'), (d) => addIntegration(d, { kind: 'AWS_SERVICE' })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => addIntegration(d, { kind: 'AWS_SERVICE' })),
      ),
    ).toEqual([]);
  });
});
