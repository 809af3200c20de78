// Build the widget into one minified file the gateway serves, print its gzipped size and fail
// over budget. `node build.mjs --check` builds in memory and fails when the committed file
// differs from the source (run `make widget` then).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUTFILE = join(HERE, '..', 'telephony', 'static', 'widget.js');
const BUDGET_BYTES = 25 * 1024;
const BANNER = '/* Omzien web-chat widget. Built from widget/src by `make widget`; do not edit. */';

const result = await build({
  entryPoints: [join(HERE, 'src', 'main.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  legalComments: 'none',
  banner: { js: BANNER },
  write: false,
});
const code = result.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 }).length;
const name = relative(join(HERE, '..'), OUTFILE);
console.log(`${name}: ${code.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
if (gzipped > BUDGET_BYTES) {
  console.error(`${name} is over the ${BUDGET_BYTES / 1024} KB gzipped budget`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  let committed = null;
  try {
    committed = readFileSync(OUTFILE);
  } catch (_) {
    // missing: reported below
  }
  if (!committed || !committed.equals(Buffer.from(code))) {
    console.error(`${name} does not match widget/src: run \`make widget\` and commit the result`);
    process.exit(1);
  }
} else {
  writeFileSync(OUTFILE, code);
}
