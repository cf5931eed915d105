import { useEffect, useState } from 'react';

export const routes = ['overview', 'projects', 'import', 'export', 'settings'] as const;
export type Screen = (typeof routes)[number];
export type Route = { screen: Screen } | { screen: 'project'; id: number };

function current(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const project = /^project\/(\d+)$/.exec(hash);
  if (project) return { screen: 'project', id: Number(project[1]) };
  return { screen: (routes as readonly string[]).includes(hash) ? (hash as Screen) : 'overview' };
}

export const screenHref = (screen: Screen) => `#/${screen}`;
export const projectHref = (id: number) => `#/project/${id}`;

/** Hash routing: works the same under app:// and the loopback bridge, and survives a reload. */
export function useRoute(): [Route, (href: string) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (href) => (window.location.hash = href.replace(/^#/, ''))];
}
