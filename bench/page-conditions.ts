/**
 * Conditions the bench waits for inside a page, checked once per animation frame. They are installed
 * as an init script (see `newPage`) rather than sent as strings, because Portico's Content-Security-Policy
 * forbids eval in the page, and Playwright's string predicates use it.
 */
type Scope = Window & Record<string, unknown>;

function overviewDrawn(): boolean {
  const overview = document.querySelector<HTMLElement>('[data-testid="canvas-overview"]');
  return overview !== null && Number(overview.dataset.drawn ?? 0) > 0;
}

/** True once the transform React Flow applies is the same as on the previous check (the view stopped moving). */
function viewStill(scope: Scope): boolean {
  const transform = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
  const still = transform === scope.__benchLastTransform && transform !== scope.__benchViewportBefore;
  scope.__benchLastTransform = transform;
  return still;
}

export const pageConditions = {
  /** Portico's canvas is interactive (its pane is there) and, unless the design is empty, its nodes are drawn. */
  canvasDrawn(arg: { nodes: number }, scope: Scope): boolean {
    void scope;
    if (!document.querySelector('[data-testid="canvas"] .react-flow__pane')) return false;
    if (arg.nodes === 0) return true;
    return document.querySelector('.react-flow__node') !== null || overviewDrawn();
  },
  /** The imported design is whole, its nodes (or the overview of a big design) are drawn, and the view stopped moving to fit it. */
  importDrawn(arg: { size: number }, scope: Scope): boolean {
    const design = (scope.__portico as { getDesign: () => { methods: object; routes: object } }).getDesign();
    if (Object.keys(design.methods).length + Object.keys(design.routes).length !== arg.size) return false;
    if (document.querySelector('.react-flow__node') === null && !overviewDrawn()) return false;
    return viewStill(scope);
  },
  /** swagger-ui loaded the document and drew its first operations (it virtualises the list from 150 rows). */
  swaggerDrawn(arg: { size: number }, scope: Scope): boolean {
    const ui = scope.ui as { specSelectors: { loadingStatus: () => string } } | undefined;
    if (ui?.specSelectors.loadingStatus() !== 'success') return false;
    return document.querySelectorAll('.opblock').length >= Math.min(arg.size, 10);
  },
  /**
   * Auto layout finished: the canvas marked it running after the key was pressed (see `watchLayout`), and
   * now marks it done: the new positions are applied and drawn.
   */
  layoutDone(_arg: unknown, scope: Scope): boolean {
    const seen = scope.__layoutSeen as { running?: number } | undefined;
    if (seen?.running === undefined) return false;
    return document.querySelector('[data-testid="canvas"]')?.getAttribute('data-layout') === 'done';
  },
  /** The bare React Flow page drew its nodes and its fit-view stopped moving. */
  floorDrawn(_arg: unknown, scope: Scope): boolean {
    if (document.querySelectorAll('.react-flow__node').length === 0) return false;
    return viewStill(scope);
  },
};

export type PageCondition = keyof typeof pageConditions;

/** The init script that installs the conditions (and `__name`, which tsx's keepNames puts into compiled functions). */
export function conditionsScript(): string {
  const entries = Object.entries(pageConditions).map(([name, fn]) => `${JSON.stringify(name)}: ${fn.toString()}`);
  return `globalThis.__name = (fn) => fn;\nglobalThis.__benchConditions = {\n${entries
    .map((entry) => {
      // Method shorthand `name(arg, scope) {` becomes a function expression.
      const body = entry.replace(/^("[^"]+"): ([A-Za-z]+)\(/, '$1: function(');
      return body;
    })
    .join(',\n')},\n};\n${overviewDrawn.toString()}\n${viewStill.toString()}\n`;
}
