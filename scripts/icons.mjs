// Renders assets/icons/sidecoach.svg to the PNG sizes the desktop packages take
// (assets/icons/png/NxN.png: Linux uses the set, Windows and macOS convert the large ones), with
// Debian's Chromium through playwright-core. Run again after changing the SVG:
//   node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const icons = join(dirname(fileURLToPath(import.meta.url)), '../assets/icons');
const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const svg = readFileSync(join(icons, 'sidecoach.svg')).toString('base64');
mkdirSync(join(icons, 'png'), { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0"><img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
    await page.screenshot({
      path: join(icons, 'png', `${size}x${size}.png`),
      omitBackground: true,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`[icons] ${ICON_SIZES.length} sizes in ${join(icons, 'png')}`);
