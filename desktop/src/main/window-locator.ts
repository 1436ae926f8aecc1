// Finds another program's window (the softphone's) by a part of its title, so the sidebar can
// dock beside it. Electron has no API for other programs' windows: this asks the platform's own
// tools (xdotool on Linux/X11, System Events on macOS, user32 through PowerShell on Windows).
// The title is validated to letters, digits, spaces and . _ - before it reaches a command line.
import { execFile } from 'node:child_process';
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

function windowsScript(title: string): string {
  return [
    'Add-Type -TypeDefinition \'using System; using System.Runtime.InteropServices; public class SidecoachWin { [DllImport("user32.dll")] public static extern bool GetWindowRect(IntPtr h, out RECT r); public struct RECT { public int L, T, R, B; } }\';',
    `$p = Get-Process | Where-Object { $_.MainWindowTitle -like '*${title}*' } | Select-Object -First 1;`,
    'if ($p) { $r = New-Object SidecoachWin+RECT; [void][SidecoachWin]::GetWindowRect($p.MainWindowHandle, [ref]$r); "$($r.L),$($r.T),$($r.R),$($r.B)" }',
  ].join(' ');
}

/** The bounds of the first visible window whose title contains `title`, if any. */
export async function findWindow(
  title: string,
  platform: NodeJS.Platform,
  exec: Exec = execTool,
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
    if (platform === 'darwin') {
      const script = `tell application "System Events" to get {position, size} of first window of (first process whose name contains "${safe}")`;
      return parseNumbers(await exec('osascript', ['-e', script]), 'xywh');
    }
    if (platform === 'win32') {
      return parseNumbers(
        await exec('powershell.exe', [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          windowsScript(safe),
        ]),
        'ltrb',
      );
    }
  } catch {
    // Not found (xdotool exits 1), tool missing, or no permission: the sidebar stays put.
  }
  return undefined;
}
