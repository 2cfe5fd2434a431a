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

/**
 * The browser edition (Changmun.html on file://) runs in the PC's own browser, which keeps every
 * address it passes through in its history: there the route lives in history.state, never in the
 * address (which stays Changmun.html), so no item's path or searched word is written into that
 * history. Back still works (popstate), and links written as #/… are followed in the page.
 */
const ROUTE_IN_STATE = import.meta.env.MODE === 'page';

interface RouteState {
  changmunRoute: string;
}

function addressWithoutHash(): string {
  return window.location.pathname + window.location.search;
}

function stateRoute(): string | undefined {
  const s = window.history.state as Partial<RouteState> | null;
  return typeof s?.changmunRoute === 'string' ? s.changmunRoute : undefined;
}

/** A route arriving in the address (opened with #/…, or typed): taken, and the address cleaned. */
function takeHash(): Route {
  const route = parseRoute(stateRoute() ?? window.location.hash);
  window.history.replaceState({ changmunRoute: routeHash(route) } satisfies RouteState, '', addressWithoutHash());
  return route;
}

/** The current route, and a way to go elsewhere (push, or replace while typing). */
export function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState<Route>(() => (ROUTE_IN_STATE ? takeHash() : parseRoute(window.location.hash)));
  const navigate = useCallback<Navigate>((next, options) => {
    const hash = routeHash(next);
    if (ROUTE_IN_STATE) {
      if (hash === stateRoute()) return;
      const state: RouteState = { changmunRoute: hash };
      if (options?.replace) window.history.replaceState(state, '', addressWithoutHash());
      else window.history.pushState(state, '', addressWithoutHash());
      setRoute(parseRoute(hash));
      return;
    }
    if (hash === window.location.hash) return;
    if (options?.replace) {
      // replaceState fires no hashchange: update the state ourselves.
      window.history.replaceState(window.history.state, '', hash);
      setRoute(parseRoute(hash));
    } else {
      window.location.hash = hash;
    }
  }, []);
  useEffect(() => {
    if (!ROUTE_IN_STATE) {
      const onChange = () => setRoute(parseRoute(window.location.hash));
      window.addEventListener('hashchange', onChange);
      return () => window.removeEventListener('hashchange', onChange);
    }
    // Back and Forward; a fragment navigation (which also pops) is the hashchange's to take.
    const onPop = () => {
      if (!window.location.hash) setRoute(parseRoute(stateRoute() ?? ''));
    };
    const onHash = () => setRoute(takeHash());
    // A plain click (or Enter) on a link to a route is followed here, before the address changes.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      if (!link) return;
      e.preventDefault();
      navigate(parseRoute(link.getAttribute('href') ?? ''));
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onHash);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('click', onClick);
    };
  }, [navigate]);
  return [route, navigate];
}
