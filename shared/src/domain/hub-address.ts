// Whether a hub address sends what the sidebar types (passwords, notes) across the network
// unencrypted: plain http to anything but this machine. The URL parser does the normalising
// (127.1, 0x7f.0.0.1, 2130706433 and [0:0::1] all come out in one spelling), so the rule
// below reads only canonical host names.

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** ::ffff:127.x.y.z, as the parser writes it: the IPv4 loopback range in IPv6 clothing. */
const MAPPED_IPV4_LOOPBACK = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/;

/** 127.0.0.0/8, ::1 (and IPv4-mapped 127/8) and localhost: addresses that never leave the PC. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host === 'localhost.' ||
    host === '[::1]' ||
    IPV4_LOOPBACK.test(host) ||
    MAPPED_IPV4_LOOPBACK.test(host)
  );
}

/**
 * True for an `http:` address of another machine: what the sidebar sends there (passwords,
 * session tokens, notes) can be read and changed on the way. False for https, for loopback, and
 * for what is no address at all (the form's own validation speaks to that).
 */
export function isPlainHttpToNetwork(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.hostname !== '' && !isLoopbackHost(url.hostname);
}
