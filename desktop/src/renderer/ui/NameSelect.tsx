import { useId } from 'react';

/**
 * A labelled choice of one named thing (a team, an agent), or of all of them when `allLabel`
 * is given (the empty value): a filter above a manager's list.
 */
export function NameSelect({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  /** The select's id (one the screen names); a generated one otherwise. */
  id?: string;
  label: string;
  allLabel?: string | undefined;
  value: string;
  options: readonly { id: string; name: string }[];
  onChange: (value: string) => void;
}) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
