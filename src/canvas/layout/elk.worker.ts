/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutWithElk } from '../../core/layout';
import { answerRequest, type LayoutRequest } from './layout-protocol';

/**
 * Auto layout runs here: ELK takes seconds on a big design, in which the page would otherwise freeze.
 * elkjs is loaded only in this worker, so it is not part of the JS loaded before first paint.
 */
// ELK's bundled build runs its layout in this thread (no worker of its own), but constructing it loads a
// module that, seeing a worker scope, installs its own `onmessage`: construct first, then take the handler back.
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  void answerRequest(event.data, (design) => layoutWithElk(design, elk)).then((answer) => scope.postMessage(answer));
};
