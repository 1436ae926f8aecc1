// Types for electron-detect.mjs, so TypeScript callers (the Electron end-to-end test) are checked.
export type BinaryResult = { ok: true; binary: string } | { ok: false; reason: string };
export type DisplayResult = { ok: true } | { ok: false; reason: string };
export type LaunchDecision =
  { ok: true; binary: string; args: string[] } | { ok: false; reason: string };

export function platformExecutable(platform: NodeJS.Platform): string;
export function findElectronBinary(
  electronDir: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): BinaryResult;
export function findDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): DisplayResult;
export function electronSandboxArgs(platform: NodeJS.Platform, uid: number | undefined): string[];
export function electronLaunchDecision(options: {
  electronDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  uid?: number;
}): LaunchDecision;
