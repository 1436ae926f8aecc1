import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { ErrorText } from '../../ui/ErrorText.js';

/**
 * One tap asks for the observed call to be evaluated (`qa:flag`): a QA plan prefers flagged
 * calls when it draws. The hub's state is read when the call is shown and after each tap, and
 * the flag can be taken back.
 */
export function FlagForQa({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const [flagged, setFlagged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  // Whether the call is flagged already (by this coach earlier, or another). Keyed by the call
  // where it is used, so another call starts from a fresh state.
  useEffect(() => {
    let current = true;
    void ask('qa:flag', { callId }).then((res) => {
      if (current && res.ok) setFlagged(res.data.flagged);
    });
    return () => {
      current = false;
    };
  }, [callId]);
  const send = async (flag: boolean) => {
    setBusy(true);
    setError(null);
    const res = await ask('qa:flag', { callId, flagged: flag });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setFlagged(res.data.flagged);
  };
  return (
    <div className="qa-flag" data-testid="qa-flag">
      {flagged ? (
        <>
          <span className="small" role="status">
            {t('qa.flag.flagged')}
          </span>
          <button
            type="button"
            className="link small"
            disabled={busy}
            onClick={() => void send(false)}
          >
            {t('qa.flag.undo')}
          </button>
        </>
      ) : (
        <button type="button" className="chip" disabled={busy} onClick={() => void send(true)}>
          {t('qa.flag.flag')}
        </button>
      )}
      {error ? <ErrorText message={error} small /> : null}
    </div>
  );
}
