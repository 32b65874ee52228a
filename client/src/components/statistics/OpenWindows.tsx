export function OpenWindows({ kinds, labels }: { kinds: string[]; labels: Map<string, string> }) {
  if (kinds.length === 0) return <span className="muted">無</span>;
  return <>{kinds.map((kind) => labels.get(kind) ?? kind).join('、')}</>;
}
