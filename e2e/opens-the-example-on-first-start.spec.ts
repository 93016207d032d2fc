import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { libraryEntries } from './helpers/saved-designs';

type Resource = Design['resources'][keyof Design['resources']];
type Method = Design['methods'][keyof Design['methods']];

function child(design: Design, parentId: string, pathPart: string): Resource {
  const found = Object.values(design.resources).find((resource) => resource.parentId === parentId && resource.pathPart === pathPart);
  if (!found) throw new Error(`no resource ${pathPart} under ${parentId}`);
  return found;
}

function method(design: Design, resource: Resource, verb: string): Method {
  const found = Object.values(design.methods).find((candidate) => candidate.resourceId === resource.id && candidate.httpMethod === verb);
  if (!found) throw new Error(`no ${verb} on ${resource.pathPart}`);
  return found;
}

test('first start opens the pet store example on the canvas', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  expect(design.api.type).toBe('REST');
  await expect(page.getByTestId('api-name')).toHaveText(design.api.name);

  // /pets and /pets/{petId}: list and add pets, find one; a Lambda proxy answers all three.
  const root = Object.values(design.resources).find((resource) => resource.parentId === null);
  if (!root) throw new Error('no root resource');
  const pets = child(design, root.id, 'pets');
  const pet = child(design, pets.id, '{petId}');
  const list = method(design, pets, 'GET');
  const create = method(design, pets, 'POST');
  const get = method(design, pet, 'GET');
  const lambda = Object.values(design.integrations).find((target) => target.kind === 'LAMBDA');
  if (!lambda) throw new Error('no Lambda integration');
  for (const wired of [list, create, get])
    expect(wired.integration, wired.httpMethod).toMatchObject({ integrationId: lambda.id, proxy: true });

  // A Cognito user pool guards adding pets.
  const cognito = Object.values(design.authorizers).find((authorizer) => authorizer.kind === 'COGNITO_USER_POOLS');
  if (!cognito) throw new Error('no Cognito authorizer');
  expect(create.authorizerId).toBe(cognito.id);

  // GET /health answers from a mock.
  const health = method(design, child(design, root.id, 'health'), 'GET');
  expect(design.integrations[health.integration?.integrationId as never]?.kind).toBe('MOCK');

  expect(Object.values(design.stages).map((stage) => stage.name)).toContain('prod');

  // Every element is drawn: resources, integrations and authorizers as cards, methods as rows of their resource.
  for (const id of [...Object.keys(design.resources), ...Object.keys(design.integrations), ...Object.keys(design.authorizers)])
    await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  for (const id of Object.keys(design.methods)) await expect(page.getByTestId(`row-${id}`)).toBeVisible();
  await expect(page.getByTestId(`node-${pet.id}`)).toContainText('/pets/{petId}');
  await expect(page.getByTestId(`node-${pets.id}`).getByTestId(`row-${create.id}`)).toContainText('POST');
  await expect(page.getByTestId(`node-${cognito.id}`)).toContainText(cognito.name);
  // One edge per wire: four methods to their backends, one to its authorizer.
  await expect(page.locator('.react-flow__edge.portico-edge-integration')).toHaveCount(
    Object.values(design.methods).filter((candidate) => candidate.integration).length,
  );
  await expect(page.locator('.react-flow__edge.portico-edge-authorizer')).toHaveCount(1);
  // It is the first design of the library.
  await expect
    .poll(async () => (await libraryEntries(page)).map((entry) => ({ name: entry.name, origin: entry.origin })))
    .toEqual([{ name: design.api.name, origin: 'example' }]);
  // The stage is there to pick in its panel.
  await page.getByRole('complementary', { name: 'Side panel' }).getByRole('tab', { name: 'Stages' }).click();
  await expect(page.getByRole('complementary', { name: 'Side panel' }).getByRole('button', { name: 'prod', exact: true })).toBeVisible();
});
