import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { SelfAnswerReason } from '@sidecoach/shared';
import { resolveToken } from '../lib/tokens.js';
import type { Db } from '../store/db.js';

// Agents answering their own customers' surveys. The customer's page never changes and never
// refuses: what looks like staff is recorded with the answer (the reason, never the address),
// counted apart from CSAT, and shown to the lead. Three signals, strongest first:
//  - the answering browser holds a live staff session of this hub's origin (the survey page's
//    script hands the hub the token the web sidebar keeps there; the hub only resolves it);
//  - the request comes from an address the call's agent signed in from (another browser on
//    their PC: the same source address as their sessions);
//  - from an address any staff member signed in from lately (a phone on the centre's Wi-Fi,
//    behind the same NAT address as the floor). IPv6 compares the /64 network: one device has
//    many addresses in it, and a site's LAN is one /64.
// Addresses are compared as Fastify gives them: behind a balancer, only with --trust-proxy
// (else every request has the balancer's address). Loopback tells nothing and is not compared.

/** How far back staff sign-ins count (sessions seen within this many days). */
export const STAFF_ADDRESS_DAYS = 30;
/** Staff IPv6 sign-ins compared at most (newest first): bounded work per answer. */
const MAX_IPV6_SESSIONS = 5_000;
const IPV6_NETWORK_BITS = 64;

/** The form field the survey page's script adds when its origin holds a staff session. */
export const STAFF_SESSION_FIELD = 'staff_session';

/** "::ffff:10.0.0.5" (an IPv4 client on a dual-stack socket) is 10.0.0.5. */
export function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

/**
 * The hub's own machine: a proxy beside it without --trust-proxy (every request would look
 * alike), or a developer trying the demo. Nothing can be told from such an address.
 */
export const isLoopback = (ip: string) => /^127\./.test(plainAddress(ip)) || ip === '::1';

/** The same network as far as telling a device apart goes: IPv4 exactly, IPv6 by /64. */
export function sameNetwork(a: string, b: string): boolean {
  const x = plainAddress(a);
  const y = plainAddress(b);
  if (isIPv4(x) && isIPv4(y)) return x === y;
  if (!isIPv6(x) || !isIPv6(y)) return false;
  const network = new BlockList();
  network.addSubnet(x, IPV6_NETWORK_BITS, 'ipv6');
  return network.check(y, 'ipv6');
}

/**
 * Why an answer to the survey of `agentId`'s call looks like staff gave it, or null. `ip` is
 * the request's address as Fastify gives it (the balancer's X-Forwarded-For with
 * --trust-proxy); `staffToken` what the page's script found in the origin's storage.
 */
export async function selfAnswerOf(
  db: Db,
  answer: { agentId: string; ip: string; staffToken: string | undefined },
  now = Date.now(),
): Promise<SelfAnswerReason | null> {
  if (answer.staffToken && /^[A-Za-z0-9_-]{10,200}$/.test(answer.staffToken)) {
    if (await resolveToken(db, answer.staffToken)) return 'staff-browser';
  }
  const ip = plainAddress(answer.ip);
  if (isLoopback(ip)) return null;
  const since = new Date(now - STAFF_ADDRESS_DAYS * 86_400_000).toISOString();
  const recent = db
    .selectFrom('sessions')
    .select(['user_id', 'ip'])
    .where('last_seen_at', '>=', since)
    .where('ip', 'is not', null);
  let matches: string[];
  if (isIPv4(ip)) {
    const rows = await recent.where('ip', 'in', [ip, `::ffff:${ip}`]).execute();
    matches = rows.map((r) => r.user_id);
  } else if (isIPv6(ip)) {
    const rows = await recent
      .where('ip', 'like', '%:%')
      .orderBy('last_seen_at', 'desc')
      .limit(MAX_IPV6_SESSIONS)
      .execute();
    matches = rows.filter((r) => r.ip !== null && sameNetwork(r.ip, ip)).map((r) => r.user_id);
  } else {
    return null;
  }
  if (matches.includes(answer.agentId)) return 'agent-address';
  return matches.length > 0 ? 'staff-address' : null;
}
