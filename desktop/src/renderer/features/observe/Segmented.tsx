/** One choice of a few, as a row of buttons (radio buttons underneath, for the keyboard). */
export function Segmented<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: T;
  options: Array<[T, string]>;
  onChange: (value: T) => void;
}) {
  return (
    <div
      className={options.length === 2 ? 'segmented two' : 'segmented'}
      role="radiogroup"
      aria-label={label}
    >
      {options.map(([v, text]) => (
        <label key={v} className={value === v ? 'on' : ''}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          {text}
        </label>
      ))}
    </div>
  );
}
