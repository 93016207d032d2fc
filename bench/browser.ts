import type { Browser, Page } from '@playwright/test';
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

/** Drags the pane around and wheels in and out: the gestures of someone exploring a big design. */
export async function panAndZoom(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const centerX = box.x + box.width / 2;
  const centerY = box.y + box.height / 2;
  for (let round = 0; round < 3; round += 1) {
    await page.mouse.move(centerX, centerY);
    await page.mouse.down();
    await page.mouse.move(centerX - 300, centerY - 200, { steps: 30 });
    await page.mouse.move(centerX + 200, centerY + 150, { steps: 30 });
    await page.mouse.up();
    for (let step = 0; step < 10; step += 1) {
      await page.mouse.wheel(0, step < 5 ? -120 : 120);
      await page.waitForTimeout(16);
    }
  }
}

/** JS heap after a forced garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return round(usage.usedSize / 1024 / 1024, 1);
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

/** Waits two animation frames: what was scheduled is painted. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
