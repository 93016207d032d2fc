import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples } from '../examples';
import {
  type AuthorizerId,
  applyOperation,
  checkDesign,
  type Design,
  emptyDesign,
  type IntegrationId,
  type Method,
  type MethodId,
  type RouteId,
  type StageId,
  updateApi,
  updateAuthorizer,
  updateBinding,
  updateIntegration,
  updateMethod,
  updateRoute,
  updateStage,
} from '../model';
import { httpPets, restPetStore, webSocketChat } from '../model/testing/design-builder';
import { operationCount, type RandomEdit, toStep } from '../model/testing/random-operations';
import { createLinter, type Finding, lintDesign, rules } from './index';
import { summary } from './testing/rule-tester';

const edit: fc.Arbitrary<RandomEdit & { extra: boolean }> = fc.record({
  extra: fc.boolean(),
  operation: fc.nat({ max: operationCount - 1 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom('', 'x', 'getPets', '__proto__'), fc.string({ maxLength: 12 })),
});

const starts: (() => Design)[] = [
  () => emptyDesign('REST'),
  () => emptyDesign('HTTP'),
  () => emptyDesign('WEBSOCKET'),
  restPetStore,
  httpPets,
  webSocketChat,
  ...examples.map((example) => () => example.build()),
];

type Step = (design: Design) => Design;

/** A key of the record, or an id that exists nowhere when it is empty (the operation then refuses). */
const pickKey = <K extends string>(record: Record<K, unknown>, n: number): K => {
  const keys = Object.keys(record) as K[];
  return keys.length === 0 ? ('gone_0' as K) : (keys[n % keys.length] as K);
};
const owner = (design: Design, n: number) => pickKey({ ...design.methods, ...design.routes }, n);
const stageVariable = '$' + '{stageVariables.alias}';

/**
 * Edits of the fields the rules read that the model's random operations leave alone (operation names, API
 * key requirements, scopes, parameters, integration settings, stage variables…), so that reusing findings
 * across such edits is checked too.
 */
function ruleFieldSteps(item: RandomEdit): Step[] {
  const { a, b } = item;
  const updateOwner = (design: Design, patch: Parameters<typeof updateMethod>[2] & Parameters<typeof updateRoute>[2]) => {
    const id = owner(design, a);
    return Object.hasOwn(design.routes, id) ? updateRoute(design, id as RouteId, patch) : updateMethod(design, id as MethodId, patch);
  };
  return [
    (d) => updateOwner(d, { operationName: ['getPets', 'listPets', undefined][b % 3] }),
    (d) => updateOwner(d, { apiKeyRequired: b % 2 === 0 }),
    (d) => updateOwner(d, { authorizationScopes: b % 2 === 0 ? [] : ['pets/read'] }),
    (d) =>
      updateOwner(d, { parameters: b % 2 === 0 ? [] : [{ in: 'path', name: ['id', 'petId', 'proxy'][b % 3] as string, required: true }] }),
    (d) =>
      updateBinding(d, owner(d, a) as MethodId, {
        requestTemplates: b % 2 === 0 ? {} : { 'application/json': `{"alias": "${stageVariable}"}` },
        timeoutInMillis: [29_000, 45_000, 60_000][b % 3],
      }),
    (d) =>
      updateBinding(d, owner(d, a) as MethodId, {
        proxy: b % 2 === 0,
        responses:
          b % 3 === 0
            ? []
            : [{ selectionPattern: 'default', statusCode: String(200 + (b % 5)), responseParameters: {}, responseTemplates: {} }],
      }),
    (d) =>
      updateStage(d, pickKey(d.stages, a) as StageId, {
        variables: b % 2 === 0 ? {} : { alias: 'live' },
        cacheClusterEnabled: b % 3 === 0,
      }),
    (d) => updateIntegration(d, pickKey(d.integrations, a) as IntegrationId, { description: `v${b}` }),
    (d) =>
      updateAuthorizer(d, pickKey(d.authorizers, a) as AuthorizerId, {
        identitySource: b % 2 === 0 ? undefined : 'method.request.header.Authorization',
      }),
    (d) => updateApi(d, { apiKeySource: b % 2 === 0 ? 'HEADER' : 'AUTHORIZER', description: `v${b}` }),
  ];
}

const anyStep = (item: RandomEdit, extra: boolean): Step => {
  if (!extra) return toStep(item);
  const steps = ruleFieldSteps(item);
  return steps[item.operation % steps.length] as Step;
};

/** Every design reached by applying the edits in order (refused edits are skipped, as in the app). */
function designsAlong(start: Design, edits: (RandomEdit & { extra?: boolean })[]): Design[] {
  const reached = [start];
  for (const item of edits) {
    const result = applyOperation(reached.at(-1) as Design, anyStep(item, item.extra === true));
    if (result.ok && result.design !== reached.at(-1)) reached.push(result.design);
  }
  return reached;
}

const keyOf = (finding: Finding) => `${finding.ruleId}:${finding.target.id}:${finding.message}`;

describe('rules engine', () => {
  it('an incremental linter gives what a fresh run gives, after every random edit', () => {
    fc.assert(
      fc.property(fc.nat({ max: starts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 30 }), (startIndex, edits) => {
        const linter = createLinter();
        for (const design of designsAlong((starts[startIndex] as () => Design)(), edits))
          expect(linter.run(design).map(summary)).toEqual(lintDesign(design).map(summary));
      }),
      { numRuns: 150 },
    );
  });

  it('a fix names its element once: no two findings share rule, target and message (the Problems panel keys on them)', () => {
    fc.assert(
      fc.property(fc.nat({ max: starts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 20 }), (startIndex, edits) => {
        const design = designsAlong((starts[startIndex] as () => Design)(), edits).at(-1) as Design;
        const keys = lintDesign(design).map(keyOf);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 100 },
    );
  });

  it('every quick fix on a random design is refused with a reason or makes its finding go away, leaving a valid design', () => {
    fc.assert(
      fc.property(fc.nat({ max: starts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 20 }), (startIndex, edits) => {
        const design = designsAlong((starts[startIndex] as () => Design)(), edits).at(-1) as Design;
        for (const finding of lintDesign(design)) {
          if (!finding.fix) continue;
          const result = applyOperation(design, finding.fix.apply);
          if (!result.ok) continue;
          expect(checkDesign(result.design), finding.fix.label).toEqual([]);
          expect(lintDesign(result.design).map(keyOf), finding.fix.label).not.toContain(keyOf(finding));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same design gives the same findings in the same order', () => {
    for (const start of starts) {
      const design = start();
      expect(lintDesign(design).map(summary)).toEqual(lintDesign(structuredClone(design)).map(summary));
    }
  });

  it('reuses the findings of elements that did not change', () => {
    const design = restPetStore();
    const linter = createLinter();
    const before = linter.run(design);
    const method = Object.values(design.methods)[0] as Method;
    const after = linter.run(updateMethod(design, method.id, { summary: 'Typed in a form' }));
    // One design-wide finding and one on a method, both kept as the same objects.
    expect(before.map((finding) => finding.ruleId)).toEqual(['cache-without-cluster', 'path-parameter-undeclared']);
    expect(after).toHaveLength(before.length);
    for (const [position, finding] of after.entries()) expect(finding).toBe(before[position]);
  });

  it('re-checks an element whose relevant fields changed', () => {
    const design = httpPets();
    const linter = createLinter();
    linter.run(design);
    const route = Object.values(design.routes)[0];
    const changed = updateRoute(design, route?.id as NonNullable<typeof route>['id'], { operationName: 'same' });
    const twice = updateRoute(changed, Object.values(design.routes)[1]?.id as NonNullable<typeof route>['id'], { operationName: 'same' });
    linter.run(changed);
    expect(linter.run(twice).map((finding) => finding.ruleId)).toContain('duplicate-operation-name');
  });

  it('runs only the rules it is given', () => {
    const only = rules.find((rule) => rule.id === 'cache-without-cluster');
    expect(only).toBeDefined();
    const findings = lintDesign(restPetStore(), { rules: [only!] });
    expect(findings.map((finding) => finding.ruleId)).toEqual(['cache-without-cluster']);
    expect(lintDesign(restPetStore()).length).toBeGreaterThan(findings.length);
  });
});
