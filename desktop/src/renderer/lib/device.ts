// What this device calls itself at sign-in, for the user's list of signed-in devices: the
// desktop app, or the browser and operating system read from the user agent (no guessing of
// versions or models; the hub keeps the whole user agent beside it).

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS)\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (list: ReadonlyArray<[RegExp, string]>, ua: string) =>
  list.find(([pattern]) => pattern.test(ua))?.[1];

export function deviceLabel(host: 'electron' | 'web', userAgent: string): string {
  if (host === 'electron') return 'Sidecoach desktop';
  // Chromium's headless and Debian builds say "Chrome" too; "HeadlessChrome" is Chrome.
  const browser = first(BROWSERS, userAgent.replace('HeadlessChrome', 'Chrome')) ?? 'Browser';
  const system = first(SYSTEMS, userAgent);
  return system ? `${browser} on ${system}` : browser;
}
