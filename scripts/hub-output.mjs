// Turns the hub's pino JSON lines into short lines for a person at a terminal, and spots the
// line that says where the hub listens. Lines that are not pino JSON (the demo accounts table,
// a port-in-use message) pass through unchanged.

const LEVELS = /** @type {Record<number, string>} */ ({
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
});
/** pino's own fields, and ones every hub line carries: not worth a human's attention. */
const QUIET = new Set(['level', 'time', 'pid', 'hostname', 'service', 'msg', 'v', 'reqId']);

/**
 * @typedef {{ text: string, level: number | null, listening: string | null }} HubLine
 */

/** @param {unknown} value */
function scalar(value) {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Fastify's request lines carry objects: keep the method, path and status a person scans for.
 * @param {string} key
 * @param {unknown} value
 */
function summary(key, value) {
  if (typeof value !== 'object' || value === null) return null;
  const v = /** @type {Record<string, unknown>} */ (value);
  if (key === 'err' && typeof v.message === 'string') return `err=${JSON.stringify(v.message)}`;
  if (key === 'req' && typeof v.method === 'string' && typeof v.url === 'string') {
    return `${v.method} ${v.url}`;
  }
  if (key === 'res' && typeof v.statusCode === 'number') return `status=${v.statusCode}`;
  return null;
}

/**
 * @param {string} line one line of hub output, without its newline
 * @returns {HubLine}
 */
export function formatHubLine(line) {
  /** @type {unknown} */
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return { text: line, level: null, listening: null };
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return { text: line, level: null, listening: null };
  }
  const record = /** @type {Record<string, unknown>} */ (entry);
  const { level, msg } = record;
  if (typeof level !== 'number' || typeof msg !== 'string') {
    return { text: line, level: null, listening: null };
  }
  const parts = [`${(LEVELS[level] ?? String(level)).padEnd(5)} ${msg}`];
  for (const [key, value] of Object.entries(record)) {
    if (QUIET.has(key)) continue;
    const text = scalar(value);
    const part = text !== null ? `${key}=${text}` : summary(key, value);
    if (part !== null) parts.push(part);
  }
  const listening =
    msg === 'hub listening' && typeof record.url === 'string' ? String(record.url) : null;
  return { text: parts.join(' '), level, listening };
}

/**
 * The address the sidebar on this machine should use: a hub listening on every interface
 * (0.0.0.0 or ::) is reached through loopback.
 * @param {string} url
 */
export function sidebarHubUrl(url) {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0') parsed.hostname = '127.0.0.1';
  else if (parsed.hostname === '[::]') parsed.hostname = '[::1]';
  return parsed.origin;
}
