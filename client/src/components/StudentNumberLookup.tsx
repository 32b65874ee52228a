/** A 學號 box that finds a student when Enter or the button is pressed. */
export function StudentNumberLookup({
  label,
  buttonLabel,
  value,
  onChange,
  onSubmit,
}: {
  label: string;
  buttonLabel: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
}) {
  return (
    <>
      <label>
        {label}
        <input
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onSubmit();
            }
          }}
        />
      </label>
      <button type="button" className="secondary" onClick={onSubmit}>
        {buttonLabel}
      </button>
    </>
  );
}
