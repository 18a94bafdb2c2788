// npm start: after the build, serves the demo pages on localhost and opens Chromium (or Firefox)
// with the extension loaded on a page carrying a reprint. Without a display or a browser it says
// so and prints how to load the extension by hand.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './serve.mjs';
import { pinExtension } from './chromium-profile.mjs';

const root = resolve(import.meta.dirname, '..');
const chrome = join(root, 'dist/chrome');
const firefox = join(root, 'dist/firefox');
const { url } = await serve({ port: Number(process.env.PORT ?? 8517) }).catch(() => serve());
const demo = `${url}/reprint-002.html`;

const byHand = `
Load the extension by hand:
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose ${chrome}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", choose ${join(firefox, 'manifest.json')}
    (or install the zip from "npm run package")
Then open the demo page: ${demo}
`;

console.log(`Demo pages served at ${url}/ (reprint-002.html, original-000.html, translation-001.html, unrelated.html)`);
const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const browsers = [process.env.CHROMIUM_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const bin = browsers.find((b) => existsSync(b));
const firefoxBin = [process.env.FIREFOX_BIN, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean).find((b) => existsSync(b));
if (!display || (!bin && !firefoxBin)) {
  console.log(!display ? 'No display here, so no browser window can open.' : 'No Chromium or Firefox found (set CHROMIUM_BIN or FIREFOX_BIN).');
  console.log(byHand);
  console.log('Serving until you press Ctrl-C.');
} else if (!bin) {
  // Firefox only: web-ext runs it with the extension installed as a temporary add-on
  console.log(`Opening ${firefoxBin} with the extension on ${demo}`);
  const child = spawn('npx', ['web-ext', 'run', '--source-dir', firefox, '--firefox', firefoxBin, '--start-url', demo, '--no-reload'], { stdio: 'inherit' });
  child.on('exit', () => process.exit(0));
} else {
  const profile = mkdtempSync(join(tmpdir(), 'reprint-lens-'));
  pinExtension(profile, chrome); // its badge in view, not in the puzzle-piece menu
  const args = [`--user-data-dir=${profile}`, `--load-extension=${chrome}`, `--disable-extensions-except=${chrome}`, '--no-first-run', '--disable-background-networking', demo];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  console.log(`Opening ${bin} with the extension on ${demo}`);
  console.log(byHand);
  const child = spawn(bin, args, { stdio: 'ignore' });
  child.on('exit', () => process.exit(0));
}
