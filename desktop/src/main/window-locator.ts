// Finds another program's window (the softphone's) by a part of its title, so the sidebar can
// dock beside it. Electron has no API for other programs' windows: this asks the platform's own
// tools (xdotool on Linux/X11, System Events on macOS, user32 through one long-lived PowerShell
// helper on Windows).
// The title is validated to letters, digits, spaces and . _ - before it reaches a command line.
import { execFile, spawn } from 'node:child_process';
import { DockWindowTitleSchema } from '@sidecoach/shared';
import type { Rect } from './window-bounds.js';

export type Exec = (command: string, args: string[]) => Promise<string>;

export const execTool: Exec = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 3_000, windowsHide: true }, (err, stdout) =>
      err ? reject(new Error(`${command} failed: ${err.message}`)) : resolve(stdout),
    );
  });

/** The windows in `xdotool getwindowgeometry --shell` output, in order. */
export function parseXdotoolGeometry(output: string): Rect[] {
  const rects: Rect[] = [];
  let current: Partial<Rect> = {};
  for (const line of output.split('\n')) {
    const [key, value] = line.trim().split('=');
    if (key === 'WINDOW') current = {};
    if (key === 'X') current.x = Number(value);
    if (key === 'Y') current.y = Number(value);
    if (key === 'WIDTH') current.width = Number(value);
    if (key === 'HEIGHT') {
      current.height = Number(value);
      const { x, y, width } = current;
      if (
        x !== undefined &&
        y !== undefined &&
        width !== undefined &&
        Number.isFinite(x + y + width + current.height)
      ) {
        rects.push({ x, y, width, height: current.height });
      }
    }
  }
  return rects;
}

/** "left,top,right,bottom" (Windows) or "x, y, width, height" (macOS) to a Rect. */
export function parseNumbers(output: string, kind: 'ltrb' | 'xywh'): Rect | undefined {
  const n = output
    .trim()
    .split(/\s*,\s*/)
    .map(Number);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return undefined;
  const [a, b, c, d] = n as [number, number, number, number];
  return kind === 'ltrb'
    ? { x: a, y: b, width: c - a, height: d - b }
    : { x: a, y: b, width: c, height: d };
}

/**
 * The Windows helper: one PowerShell process for the app's lifetime, compiling its user32
 * binding once, then answering one line per title read from standard input ("L,T,R,B", or
 * "none"). Starting PowerShell and compiling C# for every look (every 2 s while docked beside a
 * window) cost a core's worth of CPU all day on an agent's PC.
 */
export const WINDOWS_HELPER_SCRIPT = [
  'Add-Type -TypeDefinition \'using System; using System.Runtime.InteropServices; public class SidecoachWin { [DllImport("user32.dll")] public static extern bool GetWindowRect(IntPtr h, out RECT r); public struct RECT { public int L, T, R, B; } }\';',
  '[Console]::Out.WriteLine("ready"); [Console]::Out.Flush();',
  'while ($null -ne ($t = [Console]::In.ReadLine())) {',
  "  $p = Get-Process | Where-Object { $_.MainWindowHandle -ne 0 -and $_.MainWindowTitle -like ('*' + $t + '*') } | Select-Object -First 1;",
  '  if ($p) { $r = New-Object SidecoachWin+RECT; [void][SidecoachWin]::GetWindowRect($p.MainWindowHandle, [ref]$r); [Console]::Out.WriteLine("$($r.L),$($r.T),$($r.R),$($r.B)") } else { [Console]::Out.WriteLine("none") }',
  '  [Console]::Out.Flush()',
  '}',
].join(' ');

/** A child process spoken to in lines (the Windows helper; any process in tests). */
export interface LineProcess {
  write(line: string): void;
  onLine(listener: (line: string) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

export function spawnLineProcess(command: string, args: string[]): LineProcess {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
  let buffer = '';
  const listeners: ((line: string) => void)[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      for (const l of listeners) l(line);
    }
  });
  child.stdin.on('error', () => undefined); // the helper died: onExit says so
  return {
    write: (line) => void child.stdin.write(`${line}\n`),
    onLine: (l) => void listeners.push(l),
    onExit: (l) => void child.once('exit', l).once('error', l),
    kill: () => void child.kill(),
  };
}

/**
 * One long-lived helper answering one question at a time. It is started on the first look,
 * and again on the next look after it exits or stops answering (killed after `timeoutMs`).
 */
export class LineHelper {
  private process: LineProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((line: string | undefined) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly start: () => LineProcess,
    private readonly timeoutMs = 3_000,
  ) {}

  /** The helper's answer to `question`, or undefined (no answer in time, or it died). */
  ask(question: string): Promise<string | undefined> {
    const asked = this.queue.then(() => this.askNow(question));
    this.queue = asked.catch(() => undefined);
    return asked;
  }

  stop(): void {
    this.process?.kill();
    this.process = null;
    this.ready = null;
  }

  private started(): Promise<void> {
    if (this.ready) return this.ready;
    const child = this.start();
    this.process = child;
    this.ready = new Promise<void>((resolve, reject) => {
      let up = false;
      child.onLine((line) => {
        if (!up) {
          up = true;
          return line === 'ready' ? resolve() : reject(new Error(`helper said "${line}"`));
        }
        const answer = this.pending;
        this.pending = null;
        answer?.(line);
      });
      child.onExit(() => {
        if (this.process === child) {
          this.process = null;
          this.ready = null;
        }
        if (!up) reject(new Error('helper exited before it was ready'));
        const answer = this.pending;
        this.pending = null;
        answer?.(undefined);
      });
    });
    return this.ready;
  }

  private async askNow(question: string): Promise<string | undefined> {
    try {
      await withTimeout(this.started(), this.timeoutMs * 3); // PowerShell's first start is slow
    } catch {
      this.stop();
      return undefined;
    }
    const child = this.process;
    if (!child) return undefined;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.stop(); // hung: the next look starts a fresh one
        resolve(undefined);
      }, this.timeoutMs);
      this.pending = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
      child.write(question);
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

let windowsHelper: LineHelper | null = null;
/** The app's one Windows helper, started on first use. */
export function windowsLocator(): LineHelper {
  windowsHelper ??= new LineHelper(() =>
    spawnLineProcess('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      WINDOWS_HELPER_SCRIPT,
    ]),
  );
  return windowsHelper;
}

/**
 * System Events on macOS, by window title (not process name: the softphone's process is
 * "Zoiper5", its window "Zoiper 5 - Ringing"). Needs the Automation and Accessibility consent
 * the packaged app asks for (its usage strings are in electron-builder.yml).
 */
export function macScript(title: string): string[] {
  return [
    'tell application "System Events"',
    'repeat with p in (every process whose visible is true)',
    'repeat with w in (every window of p)',
    `if name of w contains "${title}" then return (position of w) & (size of w)`,
    'end repeat',
    'end repeat',
    'end tell',
  ].flatMap((line) => ['-e', line]);
}

/**
 * The bounds of the first visible window whose title contains `title`, if any, as the
 * platform's tool reports them (physical pixels on Windows and X11, points on macOS: see
 * platform.ts dipConversion).
 */
export async function findWindow(
  title: string,
  platform: NodeJS.Platform,
  exec: Exec = execTool,
  windows: () => LineHelper = windowsLocator,
): Promise<Rect | undefined> {
  const safe = DockWindowTitleSchema.parse(title);
  try {
    if (platform === 'linux') {
      const escaped = safe.replace(/[.]/g, '\\.');
      return parseXdotoolGeometry(
        await exec('xdotool', [
          'search',
          '--onlyvisible',
          '--name',
          escaped,
          'getwindowgeometry',
          '--shell',
          '%@',
        ]),
      )[0];
    }
    if (platform === 'darwin')
      return parseNumbers(await exec('osascript', macScript(safe)), 'xywh');
    if (platform === 'win32') {
      const answer = await windows().ask(safe);
      return answer && answer !== 'none' ? parseNumbers(answer, 'ltrb') : undefined;
    }
  } catch {
    // Not found (xdotool exits 1), tool missing, or no permission: the sidebar stays put.
  }
  return undefined;
}
