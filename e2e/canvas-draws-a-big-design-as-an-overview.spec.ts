import type { Page } from '@playwright/test';
import { cardGeometry, type Design, type MethodId, type ResourceId, resourcePath } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { cardTextSizes } from './helpers/canvas-geometry';
import { syntheticDocument } from './helpers/synthetic-document';

/** Where a resource card's header is on screen, from the viewport React Flow applies. */
async function screenPointOf(page: Page, design: Design, id: ResourceId) {
  const position = design.layout[id];
  if (!position) throw new Error(`${id} has no position`);
  const pane = await page.getByTestId('canvas').boundingBox();
  const transform = await page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  const [x = 0, y = 0, zoom = 1] = [...transform.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((match) => Number(match[0]));
  if (!pane) throw new Error('The canvas is not on screen.');
  return {
    x: pane.x + x + (position.x + cardGeometry.apiWidth / 2) * zoom,
    y: pane.y + y + (position.y + cardGeometry.headerHeight / 2) * zoom,
  };
}

/** Opens the app and imports a synthetic OpenAPI document of 1,000 operations through the import dialog. */
async function importBigDesign(app: { open: () => Promise<void>; design: () => Promise<Design> }, page: Page): Promise<Design> {
  await app.open();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'big-api.json', mimeType: 'application/json', buffer: syntheticDocument(1000, 7, 'json') });
  // OpenAPI does not say the endpoint type: the import says so, and the design is there behind the note.
  await expect(page.getByTestId('import-notes')).toContainText('endpoint type');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const design = await app.design();
  expect(Object.keys(design.methods)).toHaveLength(1000);
  return design;
}

test('a design of 1,000 operations opens readable on its root; zoomed to fit it is an overview where a click selects, and zooming in brings the cards back', async ({
  app,
  page,
}) => {
  const design = await importBigDesign(app, page);

  // Too big to be read whole: it opens at a readable zoom on its root, with the minimap for the rest.
  await expect(page.getByRole('group', { name: /^Resource \/( |$)/ })).toBeInViewport();
  const sizes = await cardTextSizes(page);
  expect(Math.min(...sizes.map((size) => size.px))).toBeGreaterThanOrEqual(11);
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
  // Only the cards near the view are handed to React Flow, not a thousand.
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(150);

  // Zoom to fit: the whole design, drawn as one picture rather than hundreds of cards.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const overview = page.getByTestId('canvas-overview');
  await expect(overview).toBeVisible();
  await expect.poll(async () => Number(await overview.getAttribute('data-drawn'))).toBeGreaterThan(300);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // A click on a card in the overview selects it and opens its inspector.
  const resource = Object.values(design.resources).find((candidate) => candidate.parentId === 'res_root');
  if (!resource) throw new Error('The design has no top-level resource.');
  const point = await screenPointOf(page, design, resource.id);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByLabel('Path part', { exact: false }).first()).toHaveValue(resource.pathPart);

  // Zooming in around it (Ctrl + wheel, as a trackpad pinch sends) brings back the cards, that one among them.
  for (let step = 0; step < 40 && !(await page.getByTestId(`node-${resource.id}`).isVisible()); step += 1) {
    const at = await screenPointOf(page, design, resource.id);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(50);
  }
  await expect(page.getByTestId(`node-${resource.id}`)).toBeVisible();
  await expect(page.getByTestId(`node-${resource.id}`)).toContainText(resource.pathPart);
  await expect(overview).toHaveCount(0);
});

test('at working zoom a big design draws the wiring near the view, and a stub for wiring that leads far away goes there on a double-click', async ({
  app,
  page,
}) => {
  const design = await importBigDesign(app, page);
  // From the overview (Zoom to fit), zoom in around a resource in the middle of the tree to a working zoom.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  const middle = Object.values(design.resources)
    .filter((resource) => resource.parentId !== null && !resource.pathPart.startsWith('{'))
    .sort((a, b) => (design.layout[a.id]?.y ?? 0) - (design.layout[b.id]?.y ?? 0));
  const resource = middle[Math.floor(middle.length / 2)];
  if (!resource) throw new Error('The design has no resources.');
  const zoom = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate((element) => Number(/scale\(([\d.e-]+)\)/.exec((element as HTMLElement).style.transform)?.[1] ?? 0));
  for (let step = 0; step < 60 && (await zoom()) < 0.8; step += 1) {
    const at = await screenPointOf(page, design, resource.id);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await page.waitForTimeout(50);
  }
  await expect(page.getByTestId(`node-${resource.id}`)).toBeInViewport();

  // The view is a few pixels of the minimap: marks on its sides point at it (violet, on the same row and column).
  const marks = await page.getByTestId('overview-minimap').evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    const violet = (x: number, y: number) => {
      const at = (y * canvas.width + x) * 4;
      return pixels !== undefined && (pixels[at + 2] ?? 0) > 200 && (pixels[at] ?? 0) > 100 && (pixels[at + 1] ?? 255) < 90;
    };
    const rows = (x: number) => Array.from({ length: canvas.height }, (_, y) => y).filter((y) => violet(x, y));
    const columns = (y: number) => Array.from({ length: canvas.width }, (_, x) => x).filter((x) => violet(x, y));
    return { left: rows(2), right: rows(canvas.width - 3), top: columns(2), bottom: columns(canvas.height - 3) };
  });
  expect(marks.left.length).toBeGreaterThan(0);
  expect(marks.right).toEqual(marks.left);
  expect(marks.top.length).toBeGreaterThan(0);
  expect(marks.bottom).toEqual(marks.top);

  // The wiring drawn is that of the cards near the view: no wall of lines to backends a thousand cards away.
  const drawn = await page.locator('.react-flow__edge').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(300);
  const screen = await page.getByTestId('canvas').boundingBox();
  if (!screen) throw new Error('The canvas is not on screen.');
  const wiring = await page.locator('.react-flow__edge.portico-edge-integration path.react-flow__edge-path').evaluateAll((paths) =>
    paths.map((path) => {
      const box = path.getBoundingClientRect();
      return { height: box.height, far: path.closest('.portico-edge-far') !== null };
    }),
  );
  // Whole wiring spans at most the window (the view and a screen around it); a stub is a short arrow out of its row.
  for (const edge of wiring) expect(edge.height).toBeLessThanOrEqual(screen.height * 3 + 50);
  expect(wiring.filter((edge) => edge.far).length).toBeGreaterThan(0);

  // A stub on screen: double-click it to go to the backend it leads to.
  const stub = page.locator('.react-flow__edge.portico-edge-far').filter({ has: page.locator('path') });
  const onScreen = await stub.evaluateAll(
    (edges, pane) =>
      edges.findIndex((edge) => {
        const box = edge.querySelector('.react-flow__edge-path')?.getBoundingClientRect();
        if (!box) return false;
        const middleX = box.x + box.width / 2;
        const middleY = box.y + box.height / 2;
        const hit = document.elementFromPoint(middleX, middleY);
        return (
          middleX > pane.x + 20 &&
          middleX < pane.x + pane.width - 260 &&
          middleY > pane.y + 20 &&
          middleY < pane.y + pane.height - 200 &&
          edge.contains(hit)
        );
      }),
    screen,
  );
  expect(onScreen).toBeGreaterThanOrEqual(0);
  const chosen = stub.nth(onScreen);
  const target = (await chosen.locator('.react-flow__edge-path').getAttribute('data-target')) ?? '';
  // Read now: the locator finds another stub once the view has moved.
  const edgeId = ((await chosen.getAttribute('data-testid')) ?? '').replace(/^rf__edge-/, '');
  expect(target in design.integrations || target in design.authorizers).toBe(true);
  const box = await chosen.locator('.react-flow__edge-path').boundingBox();
  if (!box) throw new Error('The stub is not on screen.');
  await expect(page.getByTestId(`node-${target}`)).toHaveCount(0);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId(`node-${target}`)).toBeInViewport();
  await expect(page.locator(`.react-flow__node[data-id="${target}"]`)).toHaveClass(/\bselected\b/);

  // And back: the backend's form lists what uses it, the row the stub came out of among them; choosing it
  // selects that method and brings its card into view.
  const rowId = /^(?:integration|authorizer):(.+)->/.exec(edgeId)?.[1] as MethodId | undefined;
  const method = rowId ? design.methods[rowId] : undefined;
  if (!rowId || !method) throw new Error(`The stub ${edgeId} names no method.`);
  const usedBy = page.getByTestId('used-by');
  if (!(await usedBy.evaluate((details) => (details as HTMLDetailsElement).open))) await usedBy.locator('summary').click();
  const entry = usedBy.getByRole('button', {
    name: new RegExp(`^Go to ${method.httpMethod} ${escapeRegExp(resourcePath(design, method.resourceId))}( |$)`),
  });
  await entry.click();
  await expect(page.getByTestId(`row-${rowId}`)).toBeInViewport();
  await expect(page.getByTestId(`row-${rowId}`)).toHaveAttribute('aria-pressed', 'true');

  // The method's form goes to its backend too, from the keyboard as well as by a click.
  const backend = method.integration ? design.integrations[method.integration.integrationId] : undefined;
  if (!backend) throw new Error(`${rowId} calls no integration.`);
  const goTo = page.getByTestId('side-panel').getByRole('button', { name: `Go to ${backend.name}`, exact: true });
  await goTo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`node-${backend.id}`)).toBeInViewport();
  await expect(page.locator(`.react-flow__node[data-id="${backend.id}"]`)).toHaveClass(/\bselected\b/);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
