import type { ScaffoldId } from '../core/scaffolds/catalogue';
import type { PorticoStore } from '../state/store';

/**
 * What the service integration dialog opens on: an action chosen already (a command "Add SQS SendMessage
 * integration"), the method or route it is for, the AWS service target to set up (chosen in that
 * target's form). Module state, as reveal.ts: the dialog is its own chunk and takes the request when it
 * mounts; the store keeps only which dialog is open.
 */
export interface ScaffoldRequest {
  scaffoldId?: ScaffoldId;
  ownerId?: string;
  integrationId?: string;
}

let pending: ScaffoldRequest = {};
let serial = 0;

/** Opens the dialog on a request. */
export function openScaffoldDialog(store: PorticoStore, request: ScaffoldRequest): void {
  pending = { ...request };
  serial += 1;
  store.getState().openDialog('scaffold');
}

/** The request of the last opening, and a number that changes with each opening. */
export function scaffoldRequest(): { request: ScaffoldRequest; serial: number } {
  return { request: pending, serial };
}
