// Reading an `strace -f -yy -e trace=socket,connect,sendto,sendmsg,sendmmsg` log: every attempt to
// reach an IPv4 or IPv6 address that is not this machine's loopback.
//
// One kind of attempt is set apart rather than failed: connect() on a UDP socket that never sends.
// Chromium's resolver asks "could IPv6 reach the internet?" by connecting a UDP socket to
// 2001:4860:4860::8888 and reading back the local address it was given (getsockname); a UDP connect
// only sets the socket's default destination and asks the kernel for a route, and no packet leaves
// the machine (FIELD-NOTES: "one IPv6 UDP connect probe with no packet sent remained"). If anything
// were ever sent on such a socket (sendto, sendmsg, sendmmsg), it is a violation like any other.

export interface NetworkAttempt {
  pid: number;
  call: string;
  family: 'AF_INET' | 'AF_INET6';
  address: string;
  port: number;
  /** The socket as strace -yy shows it: TCP, UDP, TCPv6, UDPv6 … */
  protocol: string;
  inode: string;
  line: string;
}

export interface NetworkVerdict {
  /** Connects and sends to non-loopback addresses that are not a silent UDP route probe. */
  violations: NetworkAttempt[];
  /** UDP connects to non-loopback addresses on sockets that never sent anything. */
  routeProbes: NetworkAttempt[];
  loopbackConnects: number;
  sockets: Record<string, number>;
  calls: Record<string, number>;
  pids: number;
}

// The fd as strace -yy decorates it: <TCP:[inode]>, <UDP:[local]>, <TCPv6:[[::1]:5000->[::1]:80]> …
const CALL = /^(\d+)\s+(connect|sendto|sendmsg|sendmmsg)\((\d+)(<[A-Za-z0-9-]+:\[(?:[^[\]]|\[[^\]]*\])*\]>)?/;
const SOCKET = /^(\d+)\s+socket\((AF_[A-Z0-9]+),\s*([A-Z_]+)/;
const V4 = /sa_family=AF_INET,\s*sin_port=htons\((\d+)\),\s*sin_addr=inet_addr\("([^"]+)"\)/g;
const V6 = /sa_family=AF_INET6,\s*sin6_port=htons\((\d+)\),[^}]*?inet_pton\(AF_INET6,\s*"([^"]+)"/g;
/** `<TCP:[10.0.0.2:5000->1.2.3.4:443]>`: a connected socket names its peer. */
const PEER = /^<(?:TCP|UDP|TCPv6|UDPv6):\[(.*)->(.*)\]>$/;

export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  if (/^127\.\d+\.\d+\.\d+$/.test(a)) return true;
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d+\.\d+\.\d+$/.test(a)) return true;
  return false;
}

function peerOf(decoration: string): { address: string; port: number } | undefined {
  const m = PEER.exec(decoration);
  if (!m) return undefined;
  const peer = m[2]!;
  const v6 = /^\[(.*)\]:(\d+)$/.exec(peer);
  if (v6) return { address: v6[1]!, port: Number(v6[2]) };
  const colon = peer.lastIndexOf(':');
  return colon < 0 ? undefined : { address: peer.slice(0, colon), port: Number(peer.slice(colon + 1)) };
}

export function readNetworkTrace(trace: string): NetworkVerdict {
  const attempts: NetworkAttempt[] = [];
  const sentOn = new Set<string>();
  const sockets: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const pids = new Set<number>();
  let loopbackConnects = 0;

  for (const line of trace.split('\n')) {
    const pid = /^(\d+)\s/.exec(line)?.[1];
    if (pid) pids.add(Number(pid));
    const s = SOCKET.exec(line);
    if (s) {
      const key = `${s[2]} ${s[3]}`;
      sockets[key] = (sockets[key] ?? 0) + 1;
      continue;
    }
    const m = CALL.exec(line);
    if (!m) continue;
    const [, p, call, , decoration = ''] = m;
    calls[call!] = (calls[call!] ?? 0) + 1;
    const protocol = /^<([A-Za-z0-9-]+)/.exec(decoration)?.[1] ?? '';
    // Only an unbound socket shows its inode; a bound or connected one shows its addresses.
    const inode = /^<[A-Za-z0-9-]+:\[(\d+)\]>$/.exec(decoration)?.[1] ?? '';
    if (call !== 'connect' && inode) sentOn.add(inode);
    const found: { family: NetworkAttempt['family']; address: string; port: number }[] = [];
    for (const v of line.matchAll(V4)) found.push({ family: 'AF_INET', address: v[2]!, port: Number(v[1]) });
    for (const v of line.matchAll(V6)) found.push({ family: 'AF_INET6', address: v[2]!, port: Number(v[1]) });
    // A send on a connected socket names no address: its peer is in the decoration.
    if (found.length === 0 && call !== 'connect') {
      const peer = peerOf(decoration);
      if (peer) found.push({ family: peer.address.includes(':') ? 'AF_INET6' : 'AF_INET', ...peer });
    }
    for (const f of found) {
      if (isLoopback(f.address)) {
        if (call === 'connect') loopbackConnects++;
        continue;
      }
      attempts.push({ pid: Number(p), call: call!, ...f, protocol, inode, line: line.slice(0, 300) });
    }
  }

  const violations: NetworkAttempt[] = [];
  const routeProbes: NetworkAttempt[] = [];
  for (const a of attempts) {
    const silentUdpConnect = a.call === 'connect' && /^UDP/.test(a.protocol) && a.inode !== '' && !sentOn.has(a.inode);
    (silentUdpConnect ? routeProbes : violations).push(a);
  }
  return { violations, routeProbes, loopbackConnects, sockets, calls, pids: pids.size };
}

/** A few lines for the test's output. */
export function describeVerdict(v: NetworkVerdict): string {
  const probes = new Map<string, number>();
  for (const p of v.routeProbes) probes.set(`${p.protocol} ${p.address} port ${p.port}`, (probes.get(`${p.protocol} ${p.address} port ${p.port}`) ?? 0) + 1);
  return [
    `processes/threads traced: ${v.pids}`,
    `sockets: ${Object.entries(v.sockets).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`,
    `calls: ${Object.entries(v.calls).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`,
    `connects to loopback: ${v.loopbackConnects}`,
    `UDP route probes (connect, nothing sent): ${[...probes].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`,
    `violations (connect or send to a non-loopback address): ${v.violations.length}`,
    ...v.violations.slice(0, 20).map((a) => `  ${a.line}`),
  ].join('\n');
}
