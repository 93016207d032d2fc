import { scaffoldCatalogue } from '../core/scaffolds/catalogue';
import { openScaffoldDialog } from '../panels/scaffold-request';
import type { Command } from './commands';

/**
 * "Add SQS SendMessage integration…" and the other service actions, for the command palette: each opens
 * the service integration dialog on the selected method (or route). Always enabled: where the API type
 * cannot call the action, the dialog says why and what to use instead. They are the palette's
 * (command-palette.tsx), so they load with it, not before first paint.
 */
export const scaffoldCommands: Command[] = scaffoldCatalogue.map((entry) => ({
  id: `scaffold-${entry.id}`,
  label: `Add ${entry.title} integration…`,
  group: 'Edit',
  // The dialog starts on the selected method or route, if one is.
  run: (store) => openScaffoldDialog(store, { scaffoldId: entry.id }),
}));
