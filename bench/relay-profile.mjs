// Summarises a V8 CPU profile (node --cpu-prof) of the server under test: self time by where the
// code lives (a package in node_modules, the hub's own code, Node internals, GC, idle) and the
// functions with the most self time. Used by bench/relay.mjs --cpu-prof.
import { readFileSync } from 'node:fs';

/** @param {string} url @param {string} fn */
function placeOf(url, fn) {
  if (fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)') return fn;
  if (!url) return '(native)';
  // The probe wraps every statement call: its self time is the native SQLite work inside.
  if (url.endsWith('/bench/relay-probe.mjs')) return 'SQLite statements (native, via the probe)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/hub/dist/')) return 'hub';
  if (url.includes('/shared/')) return '@sidecoach/shared';
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/**
 * @param {string} file a .cpuprofile
 * @param {number} top how many functions to list
 * @returns {string[]} printable lines
 */
export function summariseProfile(file, top = 15) {
  /** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[], timeDeltas: number[] }} */
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const places = new Map();
  /** @type {Map<string, number>} */
  const functions = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = functionName || '(anonymous)';
    const place = placeOf(url, fn);
    total += us;
    places.set(place, (places.get(place) ?? 0) + us);
    const key = `${fn} ${place}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  });
  const busy = total - (places.get('(idle)') ?? 0);
  const pct = (/** @type {number} */ us) => `${((us / busy) * 100).toFixed(1)}%`.padStart(6);
  const lines = [
    `hub CPU profile (whole hub run, ${(busy / 1e6).toFixed(1)} s not idle; shares of that):`,
  ];
  for (const [place, us] of [...places].sort((a, b) => b[1] - a[1]))
    if (place !== '(idle)' && us / busy >= 0.005) lines.push(`  ${pct(us)}  ${place}`);
  lines.push(`  top functions by self time:`);
  for (const [key, us] of [...functions]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    lines.push(`  ${pct(us)}  ${key}`);
  return lines;
}
