import { RocDateField } from '../RocDateField';

export interface PerformanceFieldInfo {
  key: string;
  label: string;
  kind: string;
  required: boolean;
  choices: readonly string[];
}

/** One of a performance category's own fields, by its kind: a choice, a ROC date, a number or text. */
export function PerformanceDetailInput({
  field,
  value,
  onChange,
}: {
  field: PerformanceFieldInfo;
  value: string;
  onChange: (value: string) => void;
}) {
  const label = `${field.label}${field.required ? '' : '（選填）'}`;
  if (field.kind === 'choice') {
    return (
      <label>
        {label}
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">請選擇</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.kind === 'date') {
    return <RocDateField label={label} value={value} onChange={onChange} required={field.required} />;
  }
  return (
    <label>
      {label}
      <input
        type={field.kind === 'number' ? 'number' : 'text'}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        min={field.kind === 'number' ? 0 : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
