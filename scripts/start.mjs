#!/usr/bin/env node
// `npm start` after the build: starts the hub, then the Electron sidebar pointed at it when this
// machine can show one; otherwise says why in one line and keeps the hub (and the web sidebar it
// serves) running. Ctrl-C or SIGTERM stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { electronLaunchDecision } from './electron-detect.mjs';
import { formatHubLine, sidebarHubUrl } from './hub-output.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HUB_ENTRY = join(root, 'hub/dist/index.js');
const DESKTOP_DIR = join(root, 'desktop');
const STOP_GRACE_MS = 10_000;

const USAGE = 'Usage: node scripts/start.mjs [--demo] [--port N] [--host HOST] [--data-dir DIR]';
let options;
try {
  options = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '4780' },
      host: { type: 'string' },
      'data-dir': { type: 'string', default: './data' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  console.error(`start: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const [file, what] of [
  [HUB_ENTRY, 'the hub'],
  [join(DESKTOP_DIR, 'dist/renderer/index.html'), 'the sidebar'],
]) {
  if (!existsSync(file)) {
    console.error(`start: ${what} is not built (${file} is missing): run \`npm run build\` first`);
    process.exit(1);
  }
}

const hubArgs = [
  HUB_ENTRY,
  '--port',
  options.port,
  '--data-dir',
  options['data-dir'],
  '--renderer-dir',
  join(DESKTOP_DIR, 'dist/renderer'),
  ...(options.host ? ['--host', options.host] : []),
  ...(options.demo ? ['--demo'] : []),
];
const hub = spawn(process.execPath, hubArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
/** @type {import('node:child_process').ChildProcess | null} */
let electron = null;
let stopping = false;

/** @param {import('node:stream').Readable} input @param {NodeJS.WriteStream} output */
function relay(input, output) {
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
    const entry = formatHubLine(line);
    output.write(`${entry.text}\n`);
    if (entry.listening !== null) onListening(entry.listening);
  });
}
relay(hub.stdout, process.stdout);
relay(hub.stderr, process.stderr);

hub.on('error', (err) => {
  console.error(`start: could not run the hub: ${err.message}`);
  process.exit(1);
});
hub.on('close', (code, signal) => {
  if (stopping) return;
  // Died on its own (port in use, bad data folder...): its own message is already printed.
  console.error(`start: the hub stopped (${signal ?? `exit code ${code}`})`);
  if (electron !== null && electron.exitCode === null) electron.kill('SIGTERM');
  process.exit(code === 0 || code === null ? 1 : code);
});

let started = false;
/** @param {string} url */
function onListening(url) {
  if (started) return;
  started = true;
  const web = `${url}/`;
  const decision = electronLaunchDecision({
    electronDir: join(root, 'node_modules/electron'),
    env: process.env,
    platform: process.platform,
    uid: process.getuid?.(),
  });
  if (!decision.ok) {
    console.log(`Electron sidebar not started: ${decision.reason}. Web sidebar: ${web}`);
    return;
  }
  console.log(`Starting the Electron sidebar (hub ${url}). Web sidebar: ${web}`);
  const child = spawn(decision.binary, [...decision.args, DESKTOP_DIR], {
    stdio: 'inherit',
    env: { ...process.env, SIDECOACH_HUB_URL: sidebarHubUrl(url) },
  });
  electron = child;
  child.on('error', (err) => {
    console.log(`Electron sidebar not started: ${err.message}. Web sidebar: ${web}`);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const how = signal ?? `exit code ${code}`;
    console.log(
      `Electron sidebar exited (${how}); the hub keeps running at ${web} (Ctrl-C stops it)`,
    );
  });
}

/** @param {import('node:child_process').ChildProcess | null} child */
function stopChild(child) {
  if (child === null || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    // 'close', not 'exit': the hub's last lines are relayed before start.mjs exits.
    child.once('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.kill('SIGTERM');
  });
}

/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
  if (stopping) {
    // A second Ctrl-C: stop waiting.
    hub.kill('SIGKILL');
    electron?.kill('SIGKILL');
    process.exit(130);
  }
  stopping = true;
  console.log(`\nstart: ${signal}: stopping the sidebar and the hub…`);
  Promise.all([stopChild(electron), stopChild(hub)]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
