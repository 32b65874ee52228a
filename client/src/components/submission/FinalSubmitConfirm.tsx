/** The last question before a category's final lock, which cannot be undone. */
export function FinalSubmitConfirm({
  categoryLabel,
  disabled,
  onConfirm,
  onCancel,
}: {
  categoryLabel: string;
  disabled: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="notice" role="group" aria-label="確認最終提交">
      <p>完成最終提交後，{categoryLabel}的資料將不再變更，也不能重新提交。確定要完成嗎？</p>
      <div className="actions">
        <button type="button" className="danger" disabled={disabled} onClick={onConfirm}>
          確定完成最終提交
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
