import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallControl } from '@sidecoach/shared';
import { bridge } from '../../lib/bridge.js';
import { showNotice } from '../../ui/notice-store.js';

/**
 * Answers, holds, resumes or hangs up on the softphone (desktop with baresip). The sidebar
 * follows what the softphone then reports; a refusal is shown with its reason.
 */
export function ControlButton({
  action,
  className = '',
}: {
  action: CallControl;
  className?: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!bridge.controlCall) return null;
  const run = async () => {
    setBusy(true);
    try {
      await bridge.controlCall?.(action);
    } catch (err) {
      showNotice({
        key: 'errors.generic',
        values: { message: err instanceof Error ? err.message : String(err) },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={className} disabled={busy} onClick={() => void run()}>
      {t(`call.control.${action}`)}
    </button>
  );
}
