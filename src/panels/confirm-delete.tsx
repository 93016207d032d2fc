import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/**
 * Asks before deleting an element that takes settings with it (a stage, a custom domain, a usage plan):
 * "Delete stage prod?", what goes with it, Cancel, and "Delete stage".
 */
export function ConfirmDelete({
  open,
  what,
  name,
  onClose,
  onDelete,
  children,
}: {
  open: boolean;
  /** What is deleted, for the title and the button: "stage", "custom domain". */
  what: string;
  name: string;
  onClose: () => void;
  onDelete: () => void;
  /** What goes with it, and that undo brings it back. */
  children: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      title={`Delete ${what} ${name}?`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            onClick={() => {
              onClose();
              onDelete();
            }}
          >
            Delete {what}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
