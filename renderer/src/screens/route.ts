// Hash routes, so reload and Back work with no router: #/, #/search?q=…, #/read/<path>?hit=N,
// #/settings, #/help. Paths are percent-encoded whole (slashes too).
import { useCallback, useEffect, useState } from 'react';
import type { ItemType } from '../../../main/api';

export interface SearchFilters {
  type?: ItemType;
  language?: string;
  collection?: string;
}

export type Route =
  | { name: 'home'; collection?: string }
  | ({ name: 'search'; q: string } & SearchFilters)
  | { name: 'read'; path: string; hit?: number; q?: string }
  | { name: 'settings' }
  | { name: 'help' };

const ITEM_TYPES: readonly string[] = ['article', 'book', 'video'];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const qAt = raw.indexOf('?');
  const path = qAt < 0 ? raw : raw.slice(0, qAt);
  const params = new URLSearchParams(qAt < 0 ? '' : raw.slice(qAt + 1));
  const get = (k: string) => params.get(k) ?? undefined;
  if (path === '/search') {
    const type = get('type');
    return {
      name: 'search',
      q: params.get('q') ?? '',
      type: type && ITEM_TYPES.includes(type) ? (type as ItemType) : undefined,
      language: get('language'),
      collection: get('collection'),
    };
  }
  if (path.startsWith('/read/')) {
    let itemPath: string;
    try {
      itemPath = decodeURIComponent(path.slice('/read/'.length));
    } catch {
      return { name: 'home' };
    }
    const hit = Number.parseInt(params.get('hit') ?? '', 10);
    return { name: 'read', path: itemPath, hit: Number.isFinite(hit) && hit >= 0 ? hit : undefined, q: get('q') };
  }
  if (path === '/settings') return { name: 'settings' };
  if (path === '/help') return { name: 'help' };
  return { name: 'home', collection: get('collection') };
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') params.set(k, String(v));
  };
  let path: string;
  switch (route.name) {
    case 'home':
      path = '/';
      set('collection', route.collection);
      break;
    case 'search':
      path = '/search';
      set('q', route.q);
      set('type', route.type);
      set('language', route.language);
      set('collection', route.collection);
      break;
    case 'read':
      path = `/read/${encodeURIComponent(route.path)}`;
      set('hit', route.hit);
      set('q', route.q);
      break;
    default:
      path = `/${route.name}`;
  }
  const query = params.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/** The current route, and a way to go elsewhere (push, or replace while typing). */
export function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const hash = routeHash(next);
    if (hash === window.location.hash) return;
    if (options?.replace) {
      // replaceState fires no hashchange: update the state ourselves.
      window.history.replaceState(window.history.state, '', hash);
      setRoute(parseRoute(hash));
    } else {
      window.location.hash = hash;
    }
  }, []);
  return [route, navigate];
}
