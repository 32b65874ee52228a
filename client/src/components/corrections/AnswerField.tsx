/** The section's words to the student when a correction closes their dispute; what changed is added by the server. */
export const ANSWER_MAX = 400;

export function AnswerField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label>
        回覆學生（選填；系統會附上更正內容，疑義隨即結案為「已更正」）
        <textarea value={value} rows={3} maxLength={ANSWER_MAX} onChange={(event) => onChange(event.target.value)} />
      </label>
      <span className="counter">
        {value.length}/{ANSWER_MAX}
      </span>
    </>
  );
}
