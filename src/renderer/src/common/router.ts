/**
 * Where the user is, kept in the URL hash so that reload, back and forward work in the
 * desktop window and in the development server alike, without a routing library.
 */
import { useSyncExternalStore } from 'react';

import { parseRoute, routeHash, type Route } from './route-hash.js';

export { parseRoute, routeHash, type Route };

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (options.replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (location.hash !== hash) {
    location.hash = hash;
  } else {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash; components re-render when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
