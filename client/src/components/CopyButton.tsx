import { useState } from 'react';

/**
 * Copies a value to the clipboard and says so. The clipboard needs HTTPS or localhost: without it the button is not
 * shown, and the value stays on screen to be copied by hand.
 */
export function CopyButton({
  text,
  label = '複製',
  hiddenLabel,
}: {
  text: string;
  label?: string;
  /** What is copied, for a screen reader, when the visible label does not say (「完整的 SHA-256」). */
  hiddenLabel?: string;
}) {
  const [copied, setCopied] = useState(false);
  if (typeof navigator === 'undefined' || !navigator.clipboard) return null;
  return (
    <button
      type="button"
      className="link"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? '已複製' : label}
      {hiddenLabel && <span className="visually-hidden">{hiddenLabel}</span>}
    </button>
  );
}
