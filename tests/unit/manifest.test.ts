// The built manifests: the exact permission set (a new permission must be a deliberate change to
// this test), the version from package.json, one background key per browser, and no remote code.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = (b: string) => JSON.parse(readFileSync(join(root, 'dist', b, 'manifest.json'), 'utf8'));

describe.each(['chrome', 'firefox'])('%s manifest', (browser) => {
  const m = manifest(browser);
  it('asks for exactly the permissions the extension needs', () => {
    // storage: per-tab results survive the worker stopping (storage.session) and the reader's corpus (storage.local)
    // scripting: the full extractor is injected only into candidate pages, so every page carries only the tiny precheck
    expect(m.permissions).toEqual(['storage', 'scripting', 'unlimitedStorage']);
    expect(m.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.content_scripts).toEqual([{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_start' }]);
  });
  it('is Manifest V3 with the version of package.json', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(pkg.version);
  });
  it('has the background key its browser runs', () => {
    expect(m.background).toEqual(browser === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] });
    expect(Boolean(m.browser_specific_settings)).toBe(browser === 'firefox');
  });
  it('loads no remote code', () => {
    // nothing but the extension's own files: no remote script, style, image or connection
    expect(m.content_security_policy.extension_pages).toBe("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    const dir = join(root, 'dist', browser);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, f), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
      expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
    }
  });
});
