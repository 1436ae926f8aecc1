import type { ReactNode } from 'react';

/** A labelled control: the label names it alone (not with the control's value or options). */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
