import { useSearchParams } from 'react-router';

/**
 * One value of the page's address (`?cohort=113`), read and set like state, so what a page shows can be linked to and
 * survives a reload. Setting null removes it; the history entry is replaced, as a filter is not a new page.
 */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [search, setSearch] = useSearchParams();
  const set = (value: string | null) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  return [search.get(name), set];
}

/** A whole-number address value (a cohort, a page); anything else reads as absent. */
export function useNumberSearchParam(name: string): [number | null, (value: number | null) => void] {
  const [raw, set] = useSearchParam(name);
  const value = raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
  return [value, (next) => set(next === null ? null : String(next))];
}
