import { useEffect, useState } from 'react';
import { usePortico } from '../../state/context';
import type { DesignStorage } from '../../state/design-storage';
import { recoveryKeys } from '../../state/library/migrate-legacy';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { downloadText } from '../../ui/files';

/** Designs kept aside because they could not be opened (damaged, or saved by a newer Portico): download them. */
export function RecoveryDialog({ storage }: { storage: DesignStorage }) {
  const open = usePortico((s) => s.dialog === 'recovery');
  const openDialog = usePortico((s) => s.openDialog);
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    if (open) void storage.keys().then((all) => setKeys(recoveryKeys(all)));
  }, [open, storage]);
  return (
    <Dialog
      open={open}
      title="Designs kept aside"
      onClose={() => openDialog(null)}
      footer={<Button onClick={() => openDialog(null)}>Close</Button>}
    >
      {keys.length === 0 ? <p>Nothing was kept aside.</p> : null}
      <ul>
        {keys.map((key) => (
          <li key={key} className="flex items-center justify-between py-1">
            <span>Kept {new Date(Number(key.split(':')[1])).toLocaleString()}</span>
            <Button
              size="sm"
              onClick={() =>
                void storage
                  .read(key)
                  .then((value) =>
                    downloadText(
                      `portico-recovered-${key.split(':')[1]}.json`,
                      typeof value === 'string' ? value : JSON.stringify(value, null, 2),
                      'application/json',
                    ),
                  )
              }
            >
              Download
            </Button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
