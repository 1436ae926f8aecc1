/** What an action came to: a quiet status, or an alert when it failed. */
export interface Outcome {
  ok: boolean;
  text: string;
}

export function StatusLine({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'muted' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}
