import type { Design } from '../../core/model';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';

function summary(design: Design): string {
  const operations = design.api.type === 'REST' ? Object.keys(design.methods).length : Object.keys(design.routes).length;
  const noun = design.api.type === 'REST' ? 'method' : 'route';
  return `${operations} ${noun}${operations === 1 ? '' : 's'}, ${Object.keys(design.integrations).length} integrations, ${Object.keys(design.authorizers).length} authorizers, ${design.stageOrder.length} stages`;
}

/** The preview of a share link's design, before it opens as a new design (see ShareOpenDialog). */
export function SharePreviewDialog({ design, onClose, onOpen }: { design: Design; onClose: () => void; onOpen: () => void }) {
  return (
    <Dialog
      open
      title="Open shared design?"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Not now</Button>
          <Button variant="primary" onClick={onOpen}>
            Open as a new design
          </Button>
        </>
      }
    >
      <div data-testid="share-preview">
        <p className="mb-2">
          This link holds the design <strong>{design.api.name}</strong> ({design.api.type === 'WEBSOCKET' ? 'WebSocket' : design.api.type}{' '}
          API): {summary(design)}.
        </p>
        <p className="text-slate-600 dark:text-slate-300">
          It opens as a new design in My designs. The design you have now stays there as it is.
        </p>
      </div>
    </Dialog>
  );
}
