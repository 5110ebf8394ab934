/**
 * The client address that the rate limit and the per-address quota count. Behind a reverse
 * proxy the socket's peer is the proxy, so every customer would share one bucket; but
 * X-Forwarded-For is written by the client unless a proxy we trust overwrites it. TRUST_PROXY
 * says which proxies to believe (server/README.md); the default believes none.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isIP } from 'node:net';

/** `false`: never believe X-Forwarded-For. `hops`: that many proxies in front. `addresses`: these proxies. */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

/**
 * Parses TRUST_PROXY: empty/`false`/`0` (never), a number of hops (`1`: one proxy in front),
 * or a comma-separated list of proxy addresses (`127.0.0.1, 10.0.0.2`).
 * @throws Error on a value that is neither.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d{1,2}$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(',').map((part) => normalize(part.trim()));
  const bad = addresses.find((address) => isIP(address) === 0);
  if (bad !== undefined) throw new Error(`TRUST_PROXY: "${bad}" is neither a number of hops nor an IP address`);
  return { addresses };
}

/** The socket's peer address; 'unknown' without a socket (app.request() in tests). */
export function peerAddress(c: Context): string {
  try {
    return normalize(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** The client's address, through the proxies TRUST_PROXY names and no further. */
export function clientAddress(c: Context, trust: TrustProxy = false): string {
  return resolveClient(peerAddress(c), c.req.header('x-forwarded-for'), trust);
}

/**
 * Walks the chain from the nearest hop outwards: the peer, then X-Forwarded-For from right to
 * left. Each hop we trust vouches for the one before it; the first hop not trusted is the client.
 * Entries left of it are the client's own words and are ignored.
 */
export function resolveClient(rawPeer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const peer = normalize(rawPeer);
  if (trust === false || !forwardedFor) return peer;
  const chain = forwardedFor
    .split(',')
    .map((part) => normalize(part.trim()))
    .filter((part) => part.length > 0);
  if ('hops' in trust) {
    // `hops` proxies: the peer is the last; each added one entry. The client is hops entries from the right.
    const index = chain.length - trust.hops;
    if (trust.hops === 0) return peer;
    return index >= 0 && isIP(chain[index]!) !== 0 ? chain[index]! : (chain[0] ?? peer);
  }
  const trusted = new Set(trust.addresses);
  let client = peer;
  for (let i = chain.length; trusted.has(client) && i > 0; i--) {
    const next = chain[i - 1]!;
    if (isIP(next) === 0) break; // garbage in the header: stop at the last hop we could vouch for
    client = next;
  }
  return client;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function normalize(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
