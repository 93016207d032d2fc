import type { Browser, Page } from '@playwright/test';
import { emptyDesign } from '../src/core/model';
import {
  type FrameStats,
  frameTimes,
  type Gestures,
  heapMb,
  newPage,
  panAndZoom,
  porticoGestures,
  reactFlowGestures,
  viewportOf,
  zoomAround,
} from './browser';
import type { PageCondition } from './page-conditions';
import { round, type Stat, stat } from './stats';

export interface PageResult {
  size: number;
  /** Time to a drawn, interactive canvas (Portico: import; swagger-ui: full render; floor: first draw), over the runs. */
  render: Stat | null;
  /** Frames while panning and zooming at working zoom (about 0.8 to 1.9). */
  panZoom?: FrameStats | null;
  /** Frames while panning and zooming the fit-everything overview. */
  overview?: FrameStats | null;
  /** The zoom of the fit-everything overview. */
  overviewZoom?: number;
  heapMb: number | null;
  /** Keystroke in a side-panel field until the canvas and the code view show it. */
  keystroke?: Stat | null;
  error?: string;
}

export interface PageLoad {
  /** Navigation to an interactive canvas showing the example design (first start). */
  example: Stat;
  /** Navigation to an interactive canvas with an empty saved design. */
  empty: Stat;
}

/** Where to zoom in for the working-zoom gestures: the same flow point on every page (a method in the middle of the tree). */
export type FocusPoints = Record<number, { x: number; y: number }>;

/** The zoom at which someone reads and edits nodes. */
const workingZoom = 0.8;

export const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/**
 * Resolves with `performance.now()` at the animation frame after `condition` first holds on two frames
 * running: what it checks has been painted, and the main thread got back to drawing.
 */
export async function frameWhen(page: Page, condition: PageCondition, argument: unknown, timeout = 120_000): Promise<number> {
  return page.evaluate(
    ({ name, arg, limit }) =>
      new Promise<number>((resolve, reject) => {
        const scope = window as unknown as Window & Record<string, unknown>;
        const check = (scope.__benchConditions as Record<string, (arg: unknown, scope: unknown) => boolean>)[name];
        if (!check) return reject(new Error(`no condition ${name}`));
        scope.__benchLastTransform = undefined;
        const started = performance.now();
        let held = false;
        const frame = () => {
          if (performance.now() - started > limit) return reject(new Error(`Timed out after ${limit} ms waiting for ${name}`));
          if (!check(arg, scope)) held = false;
          else if (held) return resolve(performance.now());
          else held = true;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { name: condition, arg: argument, limit: timeout },
  );
}

/**
 * Before the tab's first load, writes `design` as Portico's first storage version kept it (database
 * 'portico' version 1, the autosave under 'current'): the upgrade path every version of the app reads,
 * so the bench does not depend on the library's current record format. Once per tab: a reload finds
 * what the app made of it.
 */
async function seedSavedDesign(page: Page, design: unknown): Promise<void> {
  await page.addInitScript((saved) => {
    if (sessionStorage.getItem('portico.bench.seeded')) return;
    sessionStorage.setItem('portico.bench.seeded', '1');
    const open = indexedDB.open('portico', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('designs');
    open.onsuccess = () => {
      const tx = open.result.transaction('designs', 'readwrite');
      tx.objectStore('designs').put({ format: 'portico.autosave', schemaVersion: 1, savedAt: Date.now(), design: saved }, 'current');
      // The app's own open waits until this connection closes.
      tx.oncomplete = () => open.result.close();
    };
  }, design);
}

/** Page load to an interactive canvas: with the example (first start) and with an empty saved design. */
export async function benchPageLoad(browser: Browser, origin: string, runs: number): Promise<PageLoad> {
  const example: number[] = [];
  const empty: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const first = await newPage(browser);
    try {
      await first.goto(origin);
      example.push(await frameWhen(first, 'canvasDrawn', { nodes: 1 }));
    } finally {
      await first.context().close();
    }
    // An empty saved design: the first load takes it in, the reload is the figure.
    const page = await newPage(browser);
    try {
      await seedSavedDesign(page, emptyDesign('REST', 'Empty'));
      await page.goto(origin);
      await frameWhen(page, 'canvasDrawn', { nodes: 0 });
      await page.reload();
      empty.push(await frameWhen(page, 'canvasDrawn', { nodes: 0 }));
    } finally {
      await page.context().close();
    }
  }
  return { example: stat(example), empty: stat(empty) };
}

/** Imports the document of `size` operations through the import dialog; milliseconds from the file's arrival to a drawn canvas. */
export async function importDocument(page: Page, file: string, size: number): Promise<number> {
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  // A person takes a moment to choose a file, in which the dialog loads the importer; the figure is from the
  // file's arrival (as swagger-ui's is from its start, with its code loaded), so the bench waits as long.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const input = page.getByTestId('import-file');
  await input.evaluate((element) => {
    const state = window as unknown as { __importStart: number; __benchViewportBefore: string };
    state.__benchViewportBefore = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
    element.addEventListener('change', () => (state.__importStart = performance.now()), { capture: true, once: true });
  });
  await input.setInputFiles(file);
  const drawnAt = await frameWhen(page, 'importDrawn', { size });
  const start = await page.evaluate(() => (window as unknown as { __importStart: number }).__importStart);
  return round(drawnAt - start);
}

export async function keystrokeLatency(page: Page, samples: number, focus: { x: number; y: number }): Promise<Stat | null> {
  await page.getByRole('button', { name: 'Code view' }).click();
  // The code view takes the lower part of the screen: bring the working-zoom resource back to the middle.
  await zoomAround(page, '[data-testid="canvas"]', focus, workingZoom, porticoGestures);
  await page.waitForFunction(() => Boolean((window as unknown as { __porticoCodeView?: unknown }).__porticoCodeView), null, {
    timeout: 60_000,
  });
  // The code view's read-only test hook: the text its editor holds.
  await page.waitForFunction(
    () => ((window as unknown as { __porticoCodeView?: { getText: () => string } }).__porticoCodeView?.getText() ?? '').length > 0,
    null,
    { timeout: 60_000 },
  );
  // A resource card drawn at working zoom: click its header, as a person would, to open its inspector.
  const resourceId = await page.evaluate(() => {
    const design = (
      window as unknown as { __portico: { getDesign: () => { resources: Record<string, { parentId: string | null; pathPart: string }> } } }
    ).__portico.getDesign();
    const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    for (const element of document.querySelectorAll<HTMLElement>('.react-flow__node-resource')) {
      const id = element.dataset.id ?? '';
      const resource = design.resources[id];
      const box = element.getBoundingClientRect();
      // Wholly on screen and its header (the card's own part: the rows below select methods) not under the
      // minimap or the zoom controls.
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 20);
      if (!resource?.parentId || resource.pathPart.startsWith('{') || !pane || !hit || !element.contains(hit)) continue;
      if (box.top > pane.top && box.bottom < pane.bottom && box.left > pane.left && box.right < pane.right) return id;
    }
    return null;
  });
  if (!resourceId) throw new Error('no resource card on screen');
  await page.getByTestId(`node-${resourceId}`).locator('.portico-card-header').click();
  const field = page.getByLabel('Path part', { exact: false }).first();
  await field.click();
  await page.keyboard.press('End');
  // A few keystrokes first, untimed: the first edits of a session compile the typing path (JIT), which is
  // not what the steady figure is about (the max of the timed ones still shows a slow one).
  for (const letter of 'xyz') {
    await page.keyboard.type(letter);
    await page.waitForTimeout(100);
  }
  const times: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const letter = String.fromCharCode(97 + (index % 26));
    await page.evaluate(
      ({ id }) => {
        const state = window as unknown as { __keyAt?: number; __seenAt: number | null };
        state.__keyAt = undefined;
        const codeText = () => (window as unknown as { __porticoCodeView?: { getText: () => string } }).__porticoCodeView?.getText() ?? '';
        state.__seenAt = null;
        // From the keystroke's `beforeinput` (the character, before the field changes): Playwright sends a
        // key's keydown and its character as two protocol messages, so timing from keydown would count the
        // bench's own round trip.
        window.addEventListener('beforeinput', () => (state.__keyAt = performance.now()), { once: true, capture: true });
        // Checked in each frame, before it paints: the first frame whose paint holds the keystroke in both
        // the canvas and the code view's editor. The time is taken before the check reads the editor's
        // text, so that reading a megabyte of YAML is not counted.
        const check = () => {
          const now = performance.now();
          const input = document.activeElement as HTMLInputElement | null;
          const value = input?.value ?? '';
          const nodeText = document.querySelector(`[data-testid="node-${id}"]`)?.textContent ?? '';
          if (state.__keyAt !== undefined && nodeText.includes(value) && codeText().includes(`/${value}`)) state.__seenAt = now;
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { id: resourceId },
    );
    await page.keyboard.type(letter);
    const handle = await page.waitForFunction(() => {
      const state = window as unknown as { __keyAt: number; __seenAt: number | null };
      // An object: a latency of 0 ms must not read as "not yet".
      return state.__seenAt !== null && { ms: state.__seenAt - state.__keyAt };
    });
    times.push(((await handle.jsonValue()) as { ms: number }).ms);
    await page.waitForTimeout(50);
  }
  return stat(times);
}

async function framesOf(page: Page, selector: string, gestures: Gestures, focus: { x: number; y: number } | undefined, result: PageResult) {
  result.overviewZoom = round((await viewportOf(page)).zoom, 3);
  result.overview = await frameTimes(page, () => panAndZoom(page, selector, gestures));
  if (focus) {
    await zoomAround(page, selector, focus, workingZoom, gestures);
    result.panZoom = await frameTimes(page, () => panAndZoom(page, selector, gestures));
  }
}

export interface PorticoOptions {
  sizes: number[];
  runs: number;
  documents: Record<number, string>;
  focus: FocusPoints;
  /** Sizes at which frames are recorded while panning and zooming. */
  frameSizes: number[];
  keystrokeSize: number;
  keystrokeSamples: number;
}

/** Portico: import of each size to a drawn canvas, frames, keystroke, heap. */
export async function benchPortico(browser: Browser, origin: string, options: PorticoOptions): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const size of options.sizes) {
    const result: PageResult = { size, render: null, heapMb: null };
    const times: number[] = [];
    try {
      for (let run = 0; run < options.runs; run += 1) {
        const page = await newPage(browser);
        try {
          await page.goto(origin);
          await frameWhen(page, 'canvasDrawn', { nodes: 1 });
          times.push(await importDocument(page, options.documents[size] as string, size));
          if (run < options.runs - 1) continue;
          result.render = stat(times);
          await page.keyboard.press('Escape');
          result.heapMb = await heapMb(page);
          if (options.frameSizes.includes(size)) {
            // A design too big to read whole opens readable on its root; the overview figures are of the
            // fit-everything view, as a person gets it with Zoom to fit.
            await page.getByRole('button', { name: 'Zoom to fit' }).click();
            await page.waitForTimeout(600);
            await framesOf(page, '[data-testid="canvas"]', porticoGestures, options.focus[size], result);
          }
          if (size === options.keystrokeSize) {
            result.keystroke = await keystrokeLatency(page, options.keystrokeSamples, options.focus[size] ?? { x: 0, y: 0 }).catch(
              (error: unknown) => {
                result.error = `keystroke: ${firstLine(error)}`;
                return null;
              },
            );
          }
        } finally {
          await page.context().close();
        }
      }
    } catch (error) {
      result.error = firstLine(error);
    }
    results.push(result);
    console.log(`  portico ${size}: ${result.render?.median ?? 'failed'} ms${result.error ? ` (${result.error})` : ''}`);
  }
  return results;
}

/**
 * swagger-ui-dist rendering the same document, served from the same local server: from its start to the
 * document loaded and its operations drawn (swagger-ui virtualises the list from 150 rows, so "drawn" is
 * the first screen of operations, as for Portico's canvas).
 */
export async function benchSwaggerUi(browser: Browser, origin: string, sizes: number[], runs: number): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const size of sizes) {
    const result: PageResult = { size, render: null, heapMb: null };
    const times: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const page = await newPage(browser);
        try {
          await page.goto(`${origin}/peer/index.html?n=${size}`);
          const drawnAt = await frameWhen(page, 'swaggerDrawn', { size }, 180_000);
          times.push(round(drawnAt - (await page.evaluate(() => (window as unknown as { __start: number }).__start))));
          if (run === runs - 1) result.heapMb = await heapMb(page);
        } finally {
          await page.context().close();
        }
      }
      result.render = stat(times);
    } catch (error) {
      result.error = firstLine(error);
    }
    results.push(result);
    console.log(`  swagger-ui ${size}: ${result.render?.median ?? 'failed'} ms${result.error ? ` (${result.error})` : ''}`);
  }
  return results;
}

/** A bare React Flow page with the same nodes and edges: the floor for our canvas. */
export async function benchFloor(
  browser: Browser,
  origin: string,
  sizes: number[],
  runs: number,
  frameSizes: number[],
  focus: FocusPoints,
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const size of sizes) {
    const result: PageResult = { size, render: null, heapMb: null };
    const times: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const page = await newPage(browser);
        try {
          await page.goto(`${origin}/floor/?n=${size}`);
          const drawnAt = await frameWhen(page, 'floorDrawn', null);
          times.push(round(drawnAt - (await page.evaluate(() => (window as unknown as { __start: number }).__start))));
          if (run < runs - 1) continue;
          result.heapMb = await heapMb(page);
          if (frameSizes.includes(size)) await framesOf(page, '.react-flow', reactFlowGestures, focus[size], result);
        } finally {
          await page.context().close();
        }
      }
      result.render = stat(times);
    } catch (error) {
      result.error = firstLine(error);
    }
    results.push(result);
    console.log(`  react-flow floor ${size}: ${result.render?.median ?? 'failed'} ms${result.error ? ` (${result.error})` : ''}`);
  }
  return results;
}
