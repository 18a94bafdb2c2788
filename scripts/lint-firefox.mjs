// web-ext lint on dist/firefox, gated on errors and on any warning other than the one that one
// manifest for both browsers makes unavoidable. (build.mjs already gives Firefox only
// background.scripts, so in practice there is no warning at all.)
import { execFileSync } from 'node:child_process';

const ALLOWED = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);
let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (e) {
  out = e.stdout; // web-ext exits non-zero when it finds errors; the JSON still says what
}
const report = JSON.parse(out);
const problems = [...report.errors, ...report.warnings.filter((w) => !ALLOWED.has(w.code))];
for (const p of problems) console.error(`web-ext lint: ${p._type} ${p.code}: ${p.message} ${p.file ?? ''}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(problems.length > 0 ? 1 : 0);
