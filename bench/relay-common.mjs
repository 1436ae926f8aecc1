// Shared by the relay benchmark's processes (bench/relay.mjs and its load-generator children):
// a tiny request/response protocol over the Node IPC channel, the wall clock all processes
// agree on, and the format of the timestamped note text.

/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC, shared by every process on the
 * machine), with sub-millisecond resolution. Not `performance.timeOrigin + performance.now()`:
 * each process fixes its timeOrigin from the wall clock when it starts, and while the wall clock
 * is being slewed that put processes started seconds apart several milliseconds out of step
 * (a baseline run measured a p50 of -3.9 ms).
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/dist/index.js';

/**
 * Opens one load client: the hub wants its session token in the handshake, the bare relay
 * nothing. Resolves once connected.
 * @param {string} url @param {'hub'|'baseline'} mode @param {string} token @param {string} who
 */
export async function openClient(url, mode, token, who) {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    ...(mode === 'hub' ? { auth: { token, protocol: PROTOCOL_VERSION } } : {}),
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', (err) =>
      reject(new Error(`${who} could not connect: ${err.message}`)),
    );
  });
  return socket;
}

export const wallNow = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Note text: `relay-bench <k> <sentAt> <intendedAt> <node>` (k: the note's global number in the
 * run; sentAt: when it was emitted; intendedAt: when the fixed schedule wanted it emitted; node:
 * the index of the hub node the sending supervisor is connected to).
 * @param {number} k @param {number} sentAt @param {number} intendedAt @param {number} node
 */
export const noteText = (k, sentAt, intendedAt, node) =>
  `relay-bench ${k} ${sentAt.toFixed(3)} ${intendedAt.toFixed(3)} ${node}`;

/** @param {string} text @returns {{ k: number, sentAt: number, node: number } | undefined} */
export function parseNoteText(text) {
  const parts = typeof text === 'string' ? text.split(' ') : [];
  if (parts[0] !== 'relay-bench' || parts.length !== 5) return undefined;
  return { k: Number(parts[1]), sentAt: Number(parts[2]), node: Number(parts[4]) };
}

/**
 * Child side: answers the parent's `{ id, type, args }` requests with `{ id, ok, result }` or
 * `{ id, ok: false, error }`, and exits when the parent goes away (never outlives it).
 * @param {Record<string, (args: any) => unknown>} handlers
 */
export function serveParent(handlers) {
  if (!process.send)
    throw new Error('run this file through bench/relay.mjs (needs an IPC channel)');
  process.on('message', (/** @type {any} */ msg) => {
    if (!msg || typeof msg.id !== 'number') return;
    const handler = handlers[msg.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${msg.type}`);
        return handler(msg.args);
      })
      .then(
        (result) => process.send?.({ id: msg.id, ok: true, result }),
        (/** @type {unknown} */ err) =>
          process.send?.({
            id: msg.id,
            ok: false,
            error: err instanceof Error ? err.message : String(err),
          }),
      );
  });
  process.on('disconnect', () => process.exit(0));
}

/** Child side: an unsolicited event for the parent (progress, phase changes). */
export function tellParent(event, data = {}) {
  process.send?.({ event, ...data });
}

let nextId = 1;

/**
 * Parent side: one request to a forked child, answered within `timeoutMs` or rejected.
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} type @param {unknown} args @param {number} timeoutMs
 */
export function request(child, type, args, timeoutMs) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${type}: no answer from load process ${child.pid} in ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (/** @type {any} */ msg) => {
      if (msg?.id !== id) return;
      cleanup();
      if (msg.ok) resolve(msg.result);
      else reject(new Error(`${type} (load process ${child.pid}): ${msg.error}`));
    };
    const onExit = (/** @type {number | null} */ code) => {
      cleanup();
      reject(new Error(`${type}: load process ${child.pid} exited (${code})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (!child.connected) return onExit(child.exitCode);
    child.send({ id, type, args }, (err) => {
      if (!err) return;
      cleanup();
      reject(new Error(`${type}: load process ${child.pid} is gone (${err.message})`));
    });
  });
}

/**
 * Opens `items.length` connections, at most `concurrency` at a time, reporting progress.
 * @template T
 * @param {T[]} items @param {number} concurrency
 * @param {(item: T) => Promise<void>} open @param {(done: number) => void} progress
 */
export async function openAll(items, concurrency, open, progress) {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        await open(items[next++]);
        done++;
        if (done % 100 === 0 || done === items.length) progress(done);
      }
    }),
  );
}
