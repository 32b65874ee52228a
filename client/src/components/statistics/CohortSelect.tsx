export function CohortSelect({
  cohorts,
  value,
  onChange,
}: {
  cohorts: number[];
  value: number | null;
  onChange: (cohort: number | null) => void;
}) {
  return (
    <label className="cohort-select">
      入學年度{' '}
      <select
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">全部</option>
        {cohorts.map((cohort) => (
          <option key={cohort} value={cohort}>
            {cohort}
          </option>
        ))}
      </select>
    </label>
  );
}
