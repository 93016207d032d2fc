import { expect, test } from './fixtures/portico';

test('reload restores the exact design and canvas positions, and undo still works', async ({ app, page }) => {
  await app.open();
  const example = await app.design();
  const resourceId = Object.values(example.resources).find((resource) => resource.pathPart === 'pets')?.id as string;
  // Change the design through the UI: a card moved.
  const node = page.getByTestId(`node-${resourceId}`);
  const box = await node.boundingBox();
  if (!box) throw new Error('card not drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 12 + 80, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).layout).not.toEqual(example.layout);
  const moved = await app.design();
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __portico?: unknown }).__portico));
  expect(await app.design()).toEqual(moved);
  // And the canvas draws each card where the design says: the moved one too.
  const drawn = await page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => Object.fromEntries(nodes.map((node) => [node.getAttribute('data-id'), (node as HTMLElement).style.transform])));
  expect(Object.keys(drawn)).toContain(resourceId);
  for (const [id, transform] of Object.entries(drawn)) {
    const at = moved.layout[id as keyof typeof moved.layout];
    if (at) expect(transform, id).toBe(`translate(${at.x}px, ${at.y}px)`);
  }
  expect(Object.keys(drawn).length).toBeGreaterThan(4);
  // The move is still one undo step away after the reload.
  await page.getByRole('button', { name: /^Undo / }).click();
  await expect.poll(async () => (await app.design()).layout).toEqual(example.layout);
  await page.getByRole('button', { name: /^Redo / }).click();
  await expect.poll(async () => (await app.design()).layout).toEqual(moved.layout);
});

test('each design of the library comes back after a reload in the tab that had it open', async ({ app, page }) => {
  await app.open();
  const example = await app.design();
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByLabel('API name').fill('Orders API');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('api-name')).toHaveText('Orders API');
  const orders = await app.design();
  // The notice's "Go back" returns to the design before, exactly as it was.
  await page
    .getByRole('status')
    .filter({ hasText: 'your previous design is in My designs' })
    .getByRole('button', { name: 'Go back' })
    .click();
  await expect(page.getByTestId('api-name')).toHaveText(example.api.name);
  expect(await app.design()).toEqual(example);
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __portico?: unknown }).__portico));
  expect(await app.design()).toEqual(example);
  await page.keyboard.press('Control+Shift+O');
  await page.getByRole('dialog', { name: 'My designs' }).getByRole('button', { name: 'Orders API', exact: true }).click();
  await expect(page.getByTestId('api-name')).toHaveText('Orders API');
  expect(await app.design()).toEqual(orders);
});
