import { useSessionUi } from '../../state/session/session-ui';
import { SessionBanner } from './session-banner';
import { SessionDialog } from './session-dialog';
import { SessionPanel } from './session-panel';

/** A live session's interface: the banner under the toolbar, the panel when open, the start-and-share dialog. */
export default function SessionChrome() {
  const panelOpen = useSessionUi((s) => s.panelOpen && s.active !== null);
  return (
    <>
      <SessionBanner />
      {panelOpen ? <SessionPanel /> : null}
      <SessionDialog />
    </>
  );
}
