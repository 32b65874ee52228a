const KB = 1024;
const MB = 1024 * 1024;

const oneDecimal = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * A size as a person reads it: bytes, KB or MB, whichever keeps the number readable, so that a small limit never
 * reads 「0 MB」.
 */
export function readableSize(bytes: number): string {
  if (bytes < KB) return `${bytes} 位元組`;
  // Just under a megabyte rounds to 1024 KB: say 1 MB.
  if (Math.round((bytes / KB) * 10) / 10 < 1024) return `${oneDecimal(bytes / KB)} KB`;
  return `${oneDecimal(bytes / MB)} MB`;
}
