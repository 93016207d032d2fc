import { describe, expect, it } from 'vitest';
import { updateAuthorizer } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { jwtAudienceQuota as rule } from './jwt-audience-quota';

const audiences = (count: number) => Array.from({ length: count }, (_, index) => `client-${index}`);

describe('jwt-audience-quota', () => {
  it('names a JWT authorizer with 51 audiences', () => {
    const design = build(httpPets(), (d) => updateAuthorizer(d, ids.auth('jwt'), { jwtAudience: audiences(51) }));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'authorizer', id: ids.auth('jwt') } }]);
  });

  it('is quiet at 50 audiences', () => {
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateAuthorizer(d, ids.auth('jwt'), { jwtAudience: audiences(50) })),
      ),
    ).toEqual([]);
  });
});
