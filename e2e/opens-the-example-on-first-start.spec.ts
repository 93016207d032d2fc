import { expect, test } from './fixtures/portico';

test('first start opens the pet store example on the canvas', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  expect(design.api.type).toBe('REST');
  const paths = Object.values(design.resources).map((resource) => resource.pathPart);
  expect(paths).toEqual(expect.arrayContaining(['pets', '{petId}']));
  const verbs = Object.values(design.methods).map((method) => method.httpMethod);
  expect(verbs).toEqual(expect.arrayContaining(['GET', 'POST']));
  const kinds = Object.values(design.integrations).map((target) => target.kind);
  expect(kinds).toEqual(expect.arrayContaining(['LAMBDA', 'MOCK']));
  expect(Object.values(design.authorizers).map((authorizer) => authorizer.kind)).toContain('COGNITO_USER_POOLS');
  expect(Object.values(design.stages).map((stage) => stage.name)).toContain('prod');
  // Every element is drawn.
  for (const id of [
    ...Object.keys(design.resources),
    ...Object.keys(design.methods),
    ...Object.keys(design.integrations),
    ...Object.keys(design.authorizers),
  ])
    await expect(page.getByTestId(`node-${id}`)).toBeVisible();
});
