import { hostname, networkInterfaces } from 'node:os';

/**
 * The host names the hub answers to, against DNS rebinding: a page on an attacker's site whose
 * name is made to resolve to the hub's address is same-origin with the hub in the browser, but
 * its requests carry the attacker's name in `Host`, which is on no list here.
 */
export interface HostAllowList {
  allows(hostHeader: string | undefined): boolean;
  /** What the list holds, for the start-up log and the refusal's message. */
  describe(): string;
}

/** `Host` without its port, lower case, without a trailing dot (`[::1]` keeps its brackets). */
export function hostOf(header: string): string {
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * `configured` when any were given (`--allowed-host`); otherwise this machine's own: loopback,
 * its host name (as the system gives it, and its first label), each address of its interfaces
 * and the listening address. The public URL's host always. Only exact names: a pattern such as
 * "the machine's name under any domain" would let `hub.attacker.example` in. Another name the
 * machine is reached by (its DNS name, an alias) is added with `--allowed-host`; the refusal
 * says so.
 */
export function hostAllowList(options: {
  configured: readonly string[];
  publicUrl: string | null;
  listenHost: string;
}): HostAllowList {
  const exact = new Set<string>();
  if (options.configured.length > 0) {
    for (const h of options.configured) exact.add(hostOf(h));
  } else {
    for (const h of ['localhost', '127.0.0.1', '[::1]']) exact.add(h);
    const machine = hostname().toLowerCase();
    exact.add(machine);
    exact.add(machine.split('.')[0]!);
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? [])
        exact.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
    if (!['0.0.0.0', '::'].includes(options.listenHost)) exact.add(hostOf(options.listenHost));
  }
  if (options.publicUrl) exact.add(new URL(options.publicUrl).hostname.toLowerCase());
  return {
    allows: (header) => header !== undefined && exact.has(hostOf(header)),
    describe: () => [...exact].join(', '),
  };
}
