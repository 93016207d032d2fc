import type { Browser, Page } from '@playwright/test';
import { conditionsScript } from './page-conditions';
import { percentile, round } from './stats';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--enable-precise-memory-info',
];

export interface FrameStats {
  medianMs: number;
  p95Ms: number;
  frames: number;
}

/** Records frame intervals with requestAnimationFrame while `gesture` runs. */
export async function frameTimes(page: Page, gesture: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const state = window as unknown as { __frames: number[]; __recording: boolean };
    state.__frames = [];
    state.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      if (!state.__recording) return;
      state.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  await gesture();
  const frames = await page.evaluate(() => {
    const state = window as unknown as { __frames: number[]; __recording: boolean };
    state.__recording = false;
    return state.__frames;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), frames: frames.length };
}

/**
 * How a page pans and zooms. A bare React Flow page pans on a left drag and zooms on the wheel; Portico
 * draws a selection box on a left drag (it pans on a middle drag) and zooms on Ctrl+wheel (a trackpad
 * pinch sends the same), because a plain wheel pans.
 */
export interface Gestures {
  panButton: 'left' | 'middle';
  zoomWithCtrl: boolean;
}

export const porticoGestures: Gestures = { panButton: 'middle', zoomWithCtrl: true };
export const reactFlowGestures: Gestures = { panButton: 'left', zoomWithCtrl: false };

async function wheel(page: Page, deltaY: number, gestures: Gestures): Promise<void> {
  if (gestures.zoomWithCtrl) await page.keyboard.down('Control');
  await page.mouse.wheel(0, deltaY);
  if (gestures.zoomWithCtrl) await page.keyboard.up('Control');
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }[], steps: number, gestures: Gestures) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button: gestures.panButton });
  for (const point of to) await page.mouse.move(point.x, point.y, { steps });
  await page.mouse.up({ button: gestures.panButton });
}

/** Drags the pane around and wheels in and out: the gestures of someone exploring a big design. */
export async function panAndZoom(page: Page, selector: string, gestures: Gestures): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const centerX = box.x + box.width / 2;
  const centerY = box.y + box.height / 2;
  for (let round = 0; round < 3; round += 1) {
    await drag(
      page,
      { x: centerX, y: centerY },
      [
        { x: centerX - 300, y: centerY - 200 },
        { x: centerX + 200, y: centerY + 150 },
      ],
      30,
      gestures,
    );
    for (let step = 0; step < 10; step += 1) {
      await wheel(page, step < 5 ? -120 : 120, gestures);
      await page.waitForTimeout(16);
    }
  }
}

/** React Flow's viewport (translate x, y and zoom), read from the transform it applies. */
export async function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => {
    const transform = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
    const numbers = [...transform.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((match) => Number(match[0]));
    return { x: numbers[0] ?? 0, y: numbers[1] ?? 0, zoom: numbers[2] ?? 1 };
  });
}

/**
 * Zooms with the wheel, keeping a flow point under the pointer, until the zoom reaches `target` or more:
 * the "working zoom" at which someone reads and edits nodes. The same point and zoom on every page.
 */
export async function zoomAround(page: Page, selector: string, point: { x: number; y: number }, target: number, gestures: Gestures) {
  for (let step = 0; step < 80; step += 1) {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not visible`);
    const view = await viewportOf(page);
    // Bring the point to the middle of the pane first (drags within the pane, however far off the point is),
    // then zoom around it.
    const middleX = box.x + box.width / 2;
    const middleY = box.y + box.height / 2;
    const dx = middleX - (box.x + view.x + point.x * view.zoom);
    const dy = middleY - (box.y + view.y + point.y * view.zoom);
    if (Math.abs(dx) > 4 || Math.abs(dy) > 4) {
      const stepX = Math.max(-(box.width / 2 - 20), Math.min(box.width / 2 - 20, dx));
      const stepY = Math.max(-(box.height / 2 - 20), Math.min(box.height / 2 - 20, dy));
      await drag(
        page,
        { x: middleX - stepX / 2, y: middleY - stepY / 2 },
        [{ x: middleX + stepX / 2, y: middleY + stepY / 2 }],
        4,
        gestures,
      );
      continue;
    }
    if (view.zoom >= target) break;
    await page.mouse.move(middleX, middleY);
    await wheel(page, -120, gestures);
    await page.waitForTimeout(30);
  }
  await settle(page);
}

/** JS heap after a forced garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return round(usage.usedSize / 1024 / 1024, 1);
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx compiles the bench with esbuild's keepNames, which wraps named functions in `__name(...)`; the
  // functions handed to page.evaluate carry those calls into the page, where the script defines __name.
  await context.addInitScript({ content: conditionsScript() });
  return context.newPage();
}

/** Waits two animation frames: what was scheduled is painted. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
