import { useEffect, useState } from 'react';

/**
 * The server's time, ticking every second: deadlines are decided by the server's clock, so the countdown follows it
 * even when the browser's clock is wrong.
 */
export function useServerNow(serverTime: string): Date {
  const [offset] = useState(() => new Date(serverTime).getTime() - Date.now());
  const [now, setNow] = useState(() => new Date(Date.now() + offset));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date(Date.now() + offset)), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  return now;
}
