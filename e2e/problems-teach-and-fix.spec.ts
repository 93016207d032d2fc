import { httpApiWithJwt } from '../src/core/examples';
import { type Design, serializeDesign } from '../src/core/model';
import { expect, test } from './fixtures/portico';

/**
 * An HTTP API that came in with REST-only caching: the stage has caching on and one route kept the
 * cache keys of the REST method it was converted from (a hand-edited or older design file).
 */
function httpApiWithCaching(): Design {
  const design = httpApiWithJwt();
  const [routeId, route] = Object.entries(design.routes).find(([, candidate]) => candidate.routeKey === 'GET /notes/{noteId}') ?? [];
  if (!routeId || !route?.integration) throw new Error('The HTTP example changed: it needs GET /notes/{noteId} with an integration.');
  return {
    ...design,
    routes: {
      ...design.routes,
      [routeId]: { ...route, integration: { ...route.integration, cacheKeyParameters: ['method.request.path.noteId'] } },
    },
  };
}

test('an HTTP API with caching shows the error with its explanation; clicking selects the route on its card; the quick fix clears it', async ({
  app,
  page,
}) => {
  await app.open();
  const design = httpApiWithCaching();
  const routeId = Object.values(design.routes).find((route) => route.routeKey === 'GET /notes/{noteId}')?.id as string;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open design file' }).click();
  await (await chooser).setFiles({
    name: 'notes.portico.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeDesign(design)),
  });
  await expect(page.getByTestId('api-name')).toHaveText(design.api.name);

  const badge = page.getByTestId('problems-badge');
  await expect(badge).toHaveAttribute('aria-label', /Problems: [1-9]\d* errors/);
  await badge.click();
  const finding = page.getByTestId('finding-cache-keys-rest-only');
  await expect(finding).toContainText('GET /notes/{noteId} has cache key parameters, but HTTP APIs have no cache.');
  await finding.getByRole('button', { name: 'Why?' }).click();
  await expect(finding.getByTestId('finding-why')).toContainText('HTTP and WebSocket APIs have no cache');
  await expect(finding.getByRole('link', { name: /AWS documentation/ })).toHaveAttribute(
    'href',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
  );
  // The route's row on its path card carries the problem too.
  const row = page.getByTestId(`row-${routeId}`);
  await expect(row).toHaveAccessibleName(/^Route GET \/notes\/\{noteId\} \(getNote\) \(\d+ problems?\)$/);
  await expect(
    page.getByRole('group', { name: /^Routes \/notes\/\{noteId\}/ }).getByRole('button', { name: /^Route GET \/notes\/\{noteId\} / }),
  ).toBeVisible();

  // Clicking the message selects the route on the canvas (and centres it).
  await finding.getByRole('button', { name: /has cache key parameters/ }).click();
  await expect(row).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toBeInViewport();
  await expect(page.getByRole('complementary', { name: 'Side panel' }).getByLabel('Route key')).toHaveValue('GET /notes/{noteId}');

  // The quick fix clears it and the row's problem count goes with it.
  await page.getByRole('complementary', { name: 'Side panel' }).getByRole('tab', { name: 'Problems' }).click();
  await page.getByTestId('finding-cache-keys-rest-only').getByRole('button', { name: 'Remove the cache key parameters' }).click();
  await expect(page.getByTestId('finding-cache-keys-rest-only')).toHaveCount(0);
  expect((await app.design()).routes[routeId as never]?.integration?.cacheKeyParameters).toEqual([]);
  await expect(row).toHaveAccessibleName('Route GET /notes/{noteId} (getNote)');
});
