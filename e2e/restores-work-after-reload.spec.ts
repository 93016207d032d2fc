import { expect, test } from './fixtures/portico';

test('reload restores the exact design and canvas positions', async ({ app, page }) => {
  await app.open();
  // Change the design through the UI: a new design, then the example back, then a node moved.
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByLabel('API name').fill('Orders API');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('api-name')).toHaveText('Orders API');
  await page.getByRole('button', { name: 'Undo' }).first().click();
  const example = await app.design();
  const resourceId = Object.values(example.resources).find((resource) => resource.pathPart === 'pets')?.id as string;
  const node = page.getByTestId(`node-${resourceId}`);
  const box = await node.boundingBox();
  if (!box) throw new Error('node not drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 80, { steps: 8 });
  await page.mouse.up();
  const moved = await app.design();
  expect(moved.layout[resourceId as keyof typeof moved.layout]).not.toEqual(example.layout[resourceId as keyof typeof example.layout]);
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __portico?: unknown }).__portico));
  expect(await app.design()).toEqual(moved);
  // And the canvas draws each node where the design says: the moved one too.
  const drawn = await page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => Object.fromEntries(nodes.map((node) => [node.getAttribute('data-id'), (node as HTMLElement).style.transform])));
  expect(Object.keys(drawn)).toContain(resourceId);
  for (const [id, transform] of Object.entries(drawn)) {
    const at = moved.layout[id as keyof typeof moved.layout];
    expect(transform, id).toBe(`translate(${at?.x}px, ${at?.y}px)`);
  }
  expect(Object.keys(drawn).length).toBeGreaterThan(5);
});
