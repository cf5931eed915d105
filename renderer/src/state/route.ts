import { useEffect, useState } from 'react';

export const routes = ['overview', 'projects', 'import', 'export', 'settings'] as const;
export type Route = (typeof routes)[number];

function current(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(hash) ? (hash as Route) : 'overview';
}

/** Hash routing: works the same under app:// and the loopback bridge, and survives a reload. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => (window.location.hash = `/${next}`)];
}
