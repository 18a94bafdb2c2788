// The Chromium profile npm start opens: fresh, with the extension's button pinned to the toolbar.
// Chromium hides a newly installed extension's button in the puzzle-piece menu, and with it the
// badge that says how many versions a page has.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The id Chromium gives an unpacked extension: the SHA-256 of its folder's path, 32 hex digits written a-p. */
export function unpackedExtensionId(folder) {
  const hex = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Writes the profile's first preferences: the extension loaded from `folder` pinned. */
export function pinExtension(profile, folder) {
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(folder)] } }));
}
