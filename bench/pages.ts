import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { emptyDesign } from '../src/core/model';
import { type FrameStats, frameTimes, heapMb, newPage, panAndZoom, settle } from './browser';
import { round, stat } from './stats';

export interface PageResult {
  size: number;
  /** Time to a drawn, interactive canvas (Portico: import; swagger-ui: full render; floor: first draw). */
  renderMs: number | null;
  panZoom?: FrameStats | null;
  overview?: FrameStats | null;
  heapMb: number | null;
  keystrokeMs?: { median: number; min: number; max: number } | null;
  loadExampleMs?: number | null;
  loadEmptyMs?: number | null;
  error?: string;
}

async function timeToCanvas(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => document.querySelector('[data-testid="canvas"] .react-flow__pane') !== null && performance.now(),
    null,
    { timeout: 60_000 },
  );
  return round((await handle.jsonValue()) as number);
}

async function writeSavedDesign(page: Page, design: unknown): Promise<void> {
  await page.evaluate(
    (saved) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('portico', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('designs');
        open.onsuccess = () => {
          const tx = open.result.transaction('designs', 'readwrite');
          tx.objectStore('designs').put({ format: 'portico.autosave', schemaVersion: 1, savedAt: Date.now(), design: saved }, 'current');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    design,
  );
}

async function workingZoom(page: Page): Promise<void> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 12; step += 1) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(20);
  }
  await settle(page);
}

async function keystrokeLatency(page: Page): Promise<{ median: number; min: number; max: number } | null> {
  const design = await page.evaluate(() =>
    (
      window as unknown as { __portico: { getDesign: () => { resources: Record<string, { id: string; parentId: string | null }> } } }
    ).__portico.getDesign(),
  );
  const resource = Object.values(design.resources).find((candidate) => candidate.parentId !== null);
  if (!resource) return null;
  await page.getByRole('button', { name: 'Code view' }).click();
  await page.waitForFunction(() => Boolean((window as unknown as { __porticoCodeView?: unknown }).__porticoCodeView), null, {
    timeout: 60_000,
  });
  const node = page.getByTestId(`node-${resource.id}`);
  await node.click({ force: true });
  const field = page.getByLabel('Path part', { exact: false }).first();
  await field.click();
  await page.keyboard.press('End');
  const samples: number[] = [];
  for (let index = 0; index < 10; index += 1) {
    const letter = String.fromCharCode(97 + index);
    await page.evaluate(
      ({ id }) => {
        const state = window as unknown as { __keyAt: number; __seenAt: number | null };
        state.__seenAt = null;
        window.addEventListener('keydown', () => (state.__keyAt = performance.now()), { once: true, capture: true });
        const check = () => {
          const nodeText = document.querySelector(`[data-testid="node-${id}"]`)?.textContent ?? '';
          const input = document.activeElement as HTMLInputElement | null;
          const value = input?.value ?? '';
          const code = (window as unknown as { __porticoCodeView?: { getText: () => string } }).__porticoCodeView?.getText() ?? '';
          const part = value.split('/').pop() ?? value;
          if (nodeText.includes(part) && code.includes(part)) state.__seenAt = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { id: resource.id },
    );
    await page.keyboard.type(letter);
    const handle = await page.waitForFunction(() => {
      const state = window as unknown as { __keyAt: number; __seenAt: number | null };
      return state.__seenAt !== null && state.__seenAt - state.__keyAt;
    });
    samples.push((await handle.jsonValue()) as number);
  }
  const result = stat(samples);
  return { median: result.median, min: result.min, max: result.max };
}

/** Portico: page load (empty and example), import of each size to a drawn canvas, frames, keystroke, heap. */
export async function benchPortico(browser: Browser, origin: string, sizes: number[], dataDir: string): Promise<PageResult[]> {
  const results: PageResult[] = [];
  let loadExampleMs: number | null = null;
  let loadEmptyMs: number | null = null;
  {
    const page = await newPage(browser);
    await page.goto(origin);
    loadExampleMs = await timeToCanvas(page);
    await writeSavedDesign(page, emptyDesign('REST', 'Empty'));
    await page.reload();
    loadEmptyMs = await timeToCanvas(page);
    await page.context().close();
  }
  for (const size of sizes) {
    const page = await newPage(browser);
    const result: PageResult = { size, renderMs: null, heapMb: null, loadExampleMs, loadEmptyMs };
    try {
      await page.goto(origin);
      await timeToCanvas(page);
      await page.getByRole('button', { name: 'Import OpenAPI' }).click();
      const started = Date.now();
      await page.getByTestId('import-file').setInputFiles(join(dataDir, `doc-${size}.json`));
      await page.waitForFunction(
        (expected) => {
          const design = (window as unknown as { __portico: { getDesign: () => { methods: object } } }).__portico.getDesign();
          return Object.keys(design.methods).length === expected && document.querySelectorAll('.react-flow__node').length > 0;
        },
        size,
        { timeout: 120_000 },
      );
      await settle(page);
      result.renderMs = Date.now() - started;
      await page.keyboard.press('Escape');
      result.heapMb = await heapMb(page);
      if (size >= 1000) {
        result.overview = await frameTimes(page, () => panAndZoom(page, '[data-testid="canvas"]'));
        await workingZoom(page);
        result.panZoom = await frameTimes(page, () => panAndZoom(page, '[data-testid="canvas"]'));
      }
      if (size === 1000 || (sizes.length === 1 && size === sizes[0]))
        result.keystrokeMs = await keystrokeLatency(page).catch((error: unknown) => {
          result.error = `keystroke: ${(error as Error).message.split('\n')[0]}`;
          return null;
        });
    } catch (error) {
      result.error = (error as Error).message.split('\n')[0];
    } finally {
      await page.context().close();
    }
    results.push(result);
    console.log(`  portico ${size}: ${result.renderMs ?? 'failed'} ms${result.error ? ` (${result.error})` : ''}`);
  }
  return results;
}

/** swagger-ui-dist rendering the same document, served from the same local server. */
export async function benchSwaggerUi(browser: Browser, origin: string, sizes: number[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const size of sizes) {
    const page = await newPage(browser);
    const result: PageResult = { size, renderMs: null, heapMb: null };
    try {
      await page.goto(`${origin}/peer/index.html?n=${size}`);
      const handle = await page.waitForFunction(
        (expected) =>
          document.querySelectorAll('.opblock').length >= expected &&
          performance.now() - (window as unknown as { __start: number }).__start,
        size,
        {
          timeout: 180_000,
          polling: 50,
        },
      );
      await settle(page);
      result.renderMs = round((await handle.jsonValue()) as number);
      result.heapMb = await heapMb(page);
    } catch (error) {
      result.error = (error as Error).message.split('\n')[0];
    } finally {
      await page.context().close();
    }
    results.push(result);
    console.log(`  swagger-ui ${size}: ${result.renderMs ?? 'failed'} ms`);
  }
  return results;
}

/** A bare React Flow page with the same nodes and edges: the floor for our canvas. */
export async function benchFloor(browser: Browser, origin: string, sizes: number[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const size of sizes) {
    const page = await newPage(browser);
    const result: PageResult = { size, renderMs: null, heapMb: null };
    try {
      await page.goto(`${origin}/floor/?n=${size}`);
      const handle = await page.waitForFunction(
        () =>
          document.querySelectorAll('.react-flow__node').length > 0 &&
          performance.now() - (window as unknown as { __start: number }).__start,
        null,
        {
          timeout: 120_000,
        },
      );
      await settle(page);
      result.renderMs = round((await handle.jsonValue()) as number);
      result.heapMb = await heapMb(page);
      if (size >= 1000) {
        result.overview = await frameTimes(page, () => panAndZoom(page, '.react-flow'));
        await page.mouse.move(720, 450);
        for (let step = 0; step < 12; step += 1) await page.mouse.wheel(0, -240);
        await settle(page);
        result.panZoom = await frameTimes(page, () => panAndZoom(page, '.react-flow'));
      }
    } catch (error) {
      result.error = (error as Error).message.split('\n')[0];
    } finally {
      await page.context().close();
    }
    results.push(result);
    console.log(`  react-flow floor ${size}: ${result.renderMs ?? 'failed'} ms`);
  }
  return results;
}
