// Finding a real window: Xvfb, an X program with a known title and geometry (xmessage), and the
// real xdotool. Skipped, saying why, where those are missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findWindow,
  LineHelper,
  macScript,
  parseNumbers,
  parseXdotoolGeometry,
  spawnLineProcess,
  WINDOWS_HELPER_SCRIPT,
  type Exec,
} from './window-locator.js';
import { besideWindow } from './window-bounds.js';
import { startXvfb, type VirtualDisplay } from '../../e2e/support/electron.js';

const tools = ['Xvfb', 'xdotool', 'xmessage'].filter((t) => spawnSync('which', [t]).status !== 0);
const missing =
  tools.length > 0
    ? `missing ${tools.join(', ')} (apt-get install xvfb xdotool x11-utils)`
    : undefined;
if (missing) console.warn(`[skip] window locator on X11: ${missing}`);

describe('besideWindow', () => {
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  it('goes to the right of the window when there is room, else to its left, else the right edge', () => {
    expect(besideWindow({ x: 100, y: 50, width: 400, height: 600 }, workArea)).toEqual({
      x: 500,
      y: 0,
      width: 360,
      height: 1040,
    });
    expect(besideWindow({ x: 1300, y: 50, width: 500, height: 600 }, workArea)).toEqual({
      x: 940,
      y: 0,
      width: 360,
      height: 1040,
    });
    expect(besideWindow({ x: 200, y: 0, width: 1600, height: 600 }, workArea).x).toBe(1560);
  });
});

describe('parsing the platform tools', () => {
  it('reads xdotool, AppleScript and Windows answers', () => {
    expect(parseXdotoolGeometry('WINDOW=1\nX=10\nY=20\nWIDTH=300\nHEIGHT=400\nSCREEN=0\n')).toEqual(
      [{ x: 10, y: 20, width: 300, height: 400 }],
    );
    expect(parseNumbers('100, 50, 400, 300\n', 'xywh')).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 300,
    });
    expect(parseNumbers('100,50,500,350', 'ltrb')).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 300,
    });
    expect(parseNumbers('', 'ltrb')).toBeUndefined();
  });

  it('never puts an unsafe title on a command line', async () => {
    const seen: string[][] = [];
    const exec: Exec = (cmd, args) => {
      seen.push([cmd, ...args]);
      return Promise.resolve('');
    };
    await expect(findWindow('Zoiper"; rm -rf ~', 'darwin', exec)).rejects.toThrow(
      /letters, digits/,
    );
    await expect(findWindow("x' ; calc", 'win32', exec)).rejects.toThrow();
    expect(seen).toEqual([]);
  });
});

describe.skipIf(missing)('findWindow on X11 (real Xvfb and xdotool)', () => {
  let xvfb: VirtualDisplay | undefined;
  let softphone: ChildProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // Xvfb picks a free display and says when it is ready; the wait is for the window to be
    // mapped (visible), as findWindow looks for visible windows only: waiting for it to exist
    // failed on a loaded machine.
    xvfb = await startXvfb('Xvfb');
    env = { ...process.env, DISPLAY: xvfb.display };
    softphone = spawn(
      'xmessage',
      ['-title', 'Zoiper 5 Softphone', '-geometry', '400x300+120+60', 'ringing'],
      { env, stdio: 'ignore' },
    );
    // Bounded (60 s: a loaded CI machine maps it late), and said plainly if it never is.
    const visible = () =>
      spawnSync('xdotool', ['search', '--onlyvisible', '--name', 'Zoiper'], { env }).status === 0;
    for (let i = 0; i < 600 && !visible(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!visible()) throw new Error('the xmessage window was never mapped on the Xvfb display');
  });
  afterAll(async () => {
    softphone?.kill();
    await xvfb?.stop();
  });

  it('finds the window by a part of its title, and nothing for a title no window has', async () => {
    const exec: Exec = (cmd, args) =>
      new Promise((resolve, reject) => {
        const run = spawnSync(cmd, args, { env, encoding: 'utf8' });
        if (run.status === 0) resolve(run.stdout);
        else reject(new Error(run.stderr));
      });
    const found = await findWindow('Zoiper 5', 'linux', exec);
    expect(found).toMatchObject({ x: 120, y: 60, width: 400, height: 300 });
    expect(await findWindow('Bria', 'linux', exec)).toBeUndefined();
  });
});

describe('the long-lived Windows helper (LineHelper)', () => {
  // PowerShell cannot run here: a real child process speaking the same line protocol stands in
  // for it (ready, then one answer line per title), so starting once, answering in order,
  // restarting after a crash and killing a hung helper run for real.
  const standIn = `
    const readline = require('node:readline');
    let asked = 0;
    console.log('ready');
    readline.createInterface({ input: process.stdin }).on('line', (title) => {
      asked++;
      if (title === 'crash') process.exit(3);
      if (title === 'hang') return;
      if (title === 'count') return console.log(String(asked));
      console.log(title === 'Zoiper' ? '100,50,500,350' : 'none');
    });`;
  let starts = 0;
  const helper = new LineHelper(() => {
    starts++;
    return spawnLineProcess(process.execPath, ['-e', standIn]);
  }, 1_000);
  afterAll(() => helper.stop());

  it('starts once and answers every look from the same process', async () => {
    expect(await helper.ask('Zoiper')).toBe('100,50,500,350');
    expect(await helper.ask('Bria')).toBe('none');
    expect(await helper.ask('count')).toBe('3');
    expect(starts).toBe(1);
    const windows = () => helper;
    expect(await findWindow('Zoiper', 'win32', undefined, windows)).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 300,
    });
    expect(await findWindow('Bria', 'win32', undefined, windows)).toBeUndefined();
    expect(starts).toBe(1);
  });

  it('answers nothing when the helper dies or hangs, and starts a fresh one at the next look', async () => {
    expect(await helper.ask('crash')).toBeUndefined();
    expect(await helper.ask('count')).toBe('1');
    expect(starts).toBe(2);
    expect(await helper.ask('hang')).toBeUndefined(); // killed after the timeout
    expect(await helper.ask('Zoiper')).toBe('100,50,500,350');
    expect(starts).toBe(3);
  });

  it('keeps answers in order when looks overlap', async () => {
    const answers = await Promise.all(['Zoiper', 'Bria', 'Zoiper'].map((t) => helper.ask(t)));
    expect(answers).toEqual(['100,50,500,350', 'none', '100,50,500,350']);
  });

  it('compiles its user32 binding once and reads titles in a loop', () => {
    expect(WINDOWS_HELPER_SCRIPT.match(/Add-Type/g)).toHaveLength(1);
    expect(WINDOWS_HELPER_SCRIPT).toMatch(
      /while \(\$null -ne \(\$t = \[Console\]::In\.ReadLine\(\)\)\)/,
    );
  });

  it('asks System Events by window title, not process name', () => {
    const script = macScript('Zoiper 5').join(' ');
    expect(script).toContain('if name of w contains "Zoiper 5"');
    expect(script).not.toContain('process whose name contains');
  });
});
