import type { Browser, Page, WebSocketRoute } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Design } from '../../src/core/model';
import { freePort, ServeProcess, temporaryFolder } from '../../src/server/testing/processes';
import { expect, type PorticoApp } from '../fixtures/portico';

/** `npx portico serve` for one test: a free port, a temporary data folder, stopped (and removed) by `stop`. */
export class SessionServer {
  private constructor(
    public process: ServeProcess,
    private readonly folder: { path: string; remove: () => void },
    private readonly app: string | undefined,
  ) {}

  /** `app`: a built app folder the server serves at `/` (a workshop's single address). */
  static async start(options: { app?: string } = {}): Promise<SessionServer> {
    const folder = temporaryFolder('portico-e2e-sessions-');
    const port = await freePort();
    return new SessionServer(
      await ServeProcess.start({ dataDir: folder.path, port, ...(options.app ? { app: options.app } : {}) }),
      folder,
      options.app,
    );
  }

  get origin(): string {
    return this.process.httpUrl;
  }

  /** Killed without warning (SIGKILL), then started again on the same port and data folder. */
  async killAndRestart(): Promise<void> {
    await this.process.stop('SIGKILL');
    this.process = await ServeProcess.start({ dataDir: this.folder.path, port: this.process.port, ...(this.app ? { app: this.app } : {}) });
  }

  async stop(): Promise<void> {
    await this.process.stop('SIGKILL');
    this.folder.remove();
  }
}

/** Another person: a fresh browser (context) on the app, watched by the test's fixture like its own page. */
export async function anotherPerson(browser: Browser, app: PorticoApp, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await app.watch(page);
  return page;
}

export async function openApp(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __portico?: unknown }).__portico));
}

export function designOf(page: Page): Promise<Design> {
  return page.evaluate(() => (window as unknown as { __portico: { getDesign: () => Design } }).__portico.getDesign());
}

/** Starts a live session of the open design from the toolbar; returns the links the dialog shows. */
export async function startSession(page: Page, name: string, server: string): Promise<{ editor: string; viewer: string }> {
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Live session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a live session' });
  await dialog.getByLabel(/Your name/).fill(name);
  await dialog.getByLabel('Sessions server').fill(server);
  await dialog.getByRole('button', { name: 'Start live session' }).click();
  const shared = page.getByRole('dialog', { name: 'Live session' });
  const editor = await shared.getByRole('textbox', { name: 'Editor link' }).inputValue();
  const viewer = await shared.getByRole('textbox', { name: 'Viewer link' }).inputValue();
  await shared.getByRole('button', { name: 'Done' }).click();
  await expectOnline(page);
  return { editor, viewer };
}

/** Opens a session link in a browser that has not said its name yet: asked, then joined. */
export async function joinSession(page: Page, link: string, name: string): Promise<void> {
  await openApp(page, link);
  const dialog = page.getByRole('dialog', { name: 'Join a live session' });
  await dialog.getByLabel(/Your name/).fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expectOnline(page);
}

export async function expectOnline(page: Page): Promise<void> {
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-connection', 'online');
  await expect(page.getByTestId('session-status')).toContainText('Live session');
}

/** Waits until every page shows the same design (as JSON), and returns it. */
export async function converged(pages: Page[]): Promise<Design> {
  let shared = '';
  await expect
    .poll(
      async () => {
        const designs = await Promise.all(pages.map((page) => designOf(page).then((design) => JSON.stringify(design))));
        shared = designs[0] ?? '';
        return designs.every((design) => design === shared);
      },
      { message: 'every participant shows the same design', timeout: 15_000 },
    )
    .toBe(true);
  return JSON.parse(shared) as Design;
}

/**
 * Stands between a page and the sessions server (Playwright's WebSocket routing): `hold()` keeps what
 * either side sends until `release()` (two people editing at the same moment, neither seeing the other),
 * and `goOffline()` drops the connection and refuses new ones until `goOnline()`.
 */
export class SocketGate {
  private held: (() => void)[] = [];
  private holding = false;
  private offline = false;
  private readonly sockets = new Set<WebSocketRoute>();
  /** Changes what the server says before the page gets it (a tampered client, in a test of the server's checks). */
  rewriteFromServer: ((message: string | Buffer) => string | Buffer) | undefined;

  static async install(page: Page, server: string): Promise<SocketGate> {
    const gate = new SocketGate();
    const origin = server.replace(/^http/, 'ws');
    await page.context().routeWebSocket(
      (url) => url.origin === origin,
      (socket) => gate.handle(socket),
    );
    return gate;
  }

  private handle(socket: WebSocketRoute) {
    if (this.offline) {
      void socket.close({ code: 4000, reason: 'offline' });
      return;
    }
    const server = socket.connectToServer();
    this.sockets.add(socket);
    const pass = (send: () => void) => {
      if (this.holding) this.held.push(send);
      else send();
    };
    socket.onMessage((message) => pass(() => server.send(message)));
    server.onMessage((message) => pass(() => socket.send(this.rewriteFromServer ? this.rewriteFromServer(message) : message)));
    socket.onClose((code, reason) => {
      this.sockets.delete(socket);
      void server.close({ code, reason });
    });
    server.onClose((code, reason) => {
      this.sockets.delete(socket);
      void socket.close({ code, reason });
    });
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const send of held) send();
  }

  async goOffline(): Promise<void> {
    this.offline = true;
    for (const socket of [...this.sockets]) await socket.close({ code: 4000, reason: 'offline' });
  }

  goOnline(): void {
    this.offline = false;
  }

  /**
   * New connections are refused (closed at once), open ones left alone: while a server is down, the
   * browser would log each refused connection as a console error, which the fixture counts.
   */
  refuseNewConnections(): void {
    this.offline = true;
  }
}

/** Hocuspocus' stateless message type (the server's notices travel in it). */
const statelessMessage = 5;

/**
 * A tampered client's view of the server: every notice that says this connection is read-only says it may
 * write. The app then lets its person edit, so what the server does with those edits can be seen.
 */
export function claimWritable(message: string | Buffer): string | Buffer {
  if (typeof message === 'string') return message;
  const decoder = decoding.createDecoder(new Uint8Array(message));
  const room = decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== statelessMessage) return message;
  const notice = JSON.parse(decoding.readVarString(decoder)) as { type: string; readOnly?: boolean };
  if (notice.readOnly !== true) return message;
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, statelessMessage);
  encoding.writeVarString(encoder, JSON.stringify({ ...notice, readOnly: false }));
  return Buffer.from(encoding.toUint8Array(encoder));
}
