import { Fragment } from 'react';
import './corrections.css';

/** A receipt row's submitted fields, label beside value, as the student checks them (e.g. a competition's 獎項). */
export function ReceiptFields({ fields }: { fields: readonly { label: string; value: string }[] }) {
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="receipt-fields">
      {fields.map((field, index) => (
        <Fragment key={`${field.label}-${index}`}>
          <dt>{field.label}</dt>
          <dd>{field.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
