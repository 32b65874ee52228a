import { useEffect, useId, useRef, useState } from 'react';
import { formatRocInput, parseRocInput, rocRangeProblem } from '../lib/roc';

interface RocDateFieldProps {
  label: string;
  /** As a native input's value: "2026-12-06", or "2026-12-06T17:00" with a time; "" when empty. */
  value: string;
  /** Gets what a native input would give: the new value once the text is a whole valid date, "" otherwise. */
  onChange: (value: string) => void;
  withTime?: boolean;
  required?: boolean;
  /** Bounds in the value's own shape, as a native input's min and max. */
  min?: string;
  max?: string;
}

/**
 * A date (or date and time) typed and shown in ROC years, "115/12/06 17:00", where a native date input would show
 * the browser's own format and Western years. A text box on purpose: it reads the same on every phone and is typed
 * by keyboard alone. What is not yet a valid date is held back from the form (setCustomValidity), so submitting
 * stops at the field with its reason in Chinese, and the reason shows under the field once the person leaves it.
 */
export function RocDateField({
  label,
  value,
  onChange,
  withTime = false,
  required = false,
  min = '',
  max = '',
}: RocDateFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => formatRocInput(value));
  const [shownValue, setShownValue] = useState(value);
  const [left, setLeft] = useState(false);
  const parsed = parseRocInput(text, withTime);
  // A value set from outside (a copied template, a reset) replaces the text, unless the text already says it.
  if (value !== shownValue) {
    setShownValue(value);
    if ((parsed.ok ? parsed.value : '') !== value) setText(formatRocInput(value));
  }
  const problem = !parsed.ok
    ? parsed.message
    : parsed.value === ''
      ? required
        ? `請填寫「${label}」。`
        : null
      : rocRangeProblem(parsed.value, min, max);
  useEffect(() => {
    input.current?.setCustomValidity(problem ?? '');
  }, [problem]);
  const shown = left ? problem : null;

  function change(next: string) {
    setText(next);
    const read = parseRocInput(next, withTime);
    const nextValue = read.ok ? read.value : '';
    if (nextValue !== value) {
      setShownValue(nextValue);
      onChange(nextValue);
    }
  }

  return (
    <span className="roc-field">
      <span className="roc-field-head">
        <label htmlFor={id}>{label}</label>
        <span id={`${id}-hint`} className="roc-field-hint">
          {withTime ? '民國年/月/日 時:分' : '民國年/月/日'}
        </span>
      </span>
      <input
        ref={input}
        id={id}
        className={withTime ? 'roc-field-input with-time' : 'roc-field-input'}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={withTime ? '例 115/12/06 17:00' : '例 115/12/06'}
        value={text}
        required={required}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint ${id}-problem`}
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          setLeft(true);
          // Written out the one way it is shown elsewhere, "115/12/06 17:00", once the person is done with it.
          if (parsed.ok && parsed.value !== '') setText(formatRocInput(parsed.value));
        }}
        onInvalid={() => setLeft(true)}
      />
      <span id={`${id}-problem`} className="roc-field-problem" aria-live="polite">
        {shown}
      </span>
    </span>
  );
}
