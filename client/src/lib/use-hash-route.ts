import { useEffect, useState } from 'react';

/** The part of the address after '#', e.g. "#/students" → "/students"; enough routing for the shell's pages. */
export function useHashRoute(): [string, (to: string) => void] {
  const read = () => window.location.hash.replace(/^#/, '') || '/';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (to: string) => (window.location.hash = to)];
}
