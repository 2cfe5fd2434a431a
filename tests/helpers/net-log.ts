// Chromium's own record of its network stack (--log-net-log), read for what a test needs to know:
// which names the browser asked its resolver for, which addresses it opened sockets to, and which
// addresses it was asked to fetch (to say what a lookup was for). The log sees what CSP blocks too
// late and what playwright's request events never show: DNS prefetches, preconnects, lookups.
import { readFileSync } from 'node:fs';

/** Launch switches that make Chromium write its net log to `file`, with every detail. */
export function netLogArgs(file: string): string[] {
  return [`--log-net-log=${file}`, '--net-log-capture-mode=Everything'];
}

export interface NetTraffic {
  /**
   * Names given to the host resolver other than 127.0.0.1 and localhost. (With CHROMIUM_ARGS'
   * host-resolver rules every other name, an address too, reaches it as "~notfound".)
   */
  lookups: string[];
  /** Addresses a socket was connected to other than 127.0.0.1 (see IPV6_PROBE). */
  connects: string[];
  /** Addresses the network stack was asked to fetch other than 127.0.0.1's. */
  requests: string[];
  /** How many events the log holds: a log that was not written would hold none. */
  events: number;
}

/**
 * Chromium's IPv6 reachability probe: before its first lookup the resolver connects a UDP socket
 * to this address only to ask the kernel for a route, and sends nothing. Left out of `connects`
 * only when that socket sent not a byte.
 */
export const IPV6_PROBE = '[2001:4860:4860::8888]:443';

interface NetLogEvent {
  type: number;
  phase?: number;
  source: { id: number; type: number };
  params?: Record<string, unknown>;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: NetLogEvent[];
}

/** The log as written; one cut short (a browser that did not close) is closed by hand. */
function parse(text: string): NetLog {
  try {
    return JSON.parse(text) as NetLog;
  } catch {
    return JSON.parse(`${text.replace(/[,\s]*$/, '')}]}`) as NetLog;
  }
}

/** The host of a resolver request ("https://~notfound", "http://127.0.0.1:1", "evil.example:443"). */
function hostOf(value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `x://${value}`;
  try {
    return new URL(withScheme).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return value;
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const isLocalAddress = (a: string) => /^127\.0\.0\.1:\d+$/.test(a);
const isLocalUrl = (u: string) => /^(https?:\/\/127\.0\.0\.1(:\d+)?\/|blob:|data:|about:)/.test(u);

/** What the browser that wrote `file` asked of the network, beyond this machine. */
export function readNetLog(file: string): NetTraffic {
  const log = parse(readFileSync(file, 'utf8'));
  const nameOf = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const lookups: string[] = [];
  const requests: string[] = [];
  const connects: { source: number; address: string }[] = [];
  const sentBytes = new Set<number>();
  for (const e of log.events) {
    const name = nameOf.get(e.type) ?? '';
    const p = e.params ?? {};
    if (name.startsWith('HOST_RESOLVER') && typeof p.host === 'string' && !LOCAL_HOSTS.has(hostOf(p.host))) lookups.push(p.host);
    if (name === 'URL_REQUEST_START_JOB' && typeof p.url === 'string' && !isLocalUrl(p.url)) requests.push(p.url);
    if (name.includes('CONNECT')) {
      const addresses = [p.address, ...(Array.isArray(p.address_list) ? p.address_list : [])].filter((a): a is string => typeof a === 'string');
      for (const address of addresses) if (!isLocalAddress(address)) connects.push({ source: e.source.id, address });
    }
    if (name.endsWith('BYTES_SENT')) sentBytes.add(e.source.id);
  }
  return {
    lookups,
    connects: connects.filter((c) => c.address !== IPV6_PROBE || sentBytes.has(c.source)).map((c) => c.address),
    requests,
    events: log.events.length,
  };
}
