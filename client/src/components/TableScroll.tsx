import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls inside its own box, not the page. The box is a named region a keyboard can
 * focus, so it can be scrolled without a mouse and a screen reader says what it holds.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
