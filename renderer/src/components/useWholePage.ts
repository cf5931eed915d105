import { useEffect, useState } from 'react';

/**
 * Whether the project list's grid may draw every row of its page rather than only those in view: false until the
 * page has rows, then true once the window is idle. Drawing only the rows in view shows the list soonest; once every
 * row of the page is drawn, scrolling moves rows already there instead of mounting and measuring new ones in each
 * frame (with rows as tall as their titles, that cost about two frames' time at 60 fps per scrolled frame).
 */
export function useWholePage(hasRows: boolean): boolean {
  const [whole, setWhole] = useState(false);
  useEffect(() => {
    if (!hasRows || whole) return;
    // After the first rows are painted; the timeout keeps a busy window (one already scrolling) from waiting long.
    const id = requestIdleCallback(() => setWhole(true), { timeout: 200 });
    return () => cancelIdleCallback(id);
  }, [hasRows, whole]);
  return whole;
}
