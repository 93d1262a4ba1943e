// Builds the playground into web/dist: a static site (index.html, icon.svg, assets/) with
// relative paths only, so it can be served from any static host and from a sub-path.
//
//   cd web && npm ci && npm run build      (needs npm/dist: npm/scripts/build.sh)
//
// The `ecslint` package is the one in ../npm, resolved through its own package.json
// `exports` (the `browser` entry and the `./ecslint_wasm_bg.wasm` asset), as a bundler would
// resolve the published package. esbuild does not rewrite `new URL(…, import.meta.url)`, so
// the .wasm is imported with the `file` loader and handed to `init()`, as npm/README.md says.
// Code splitting puts the package's documentation (rule docs, field docs: its
// `dist/ecslint_docs.js`, imported by `init()` while the .wasm loads) in a chunk of its own.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const npmDir = resolve(here, '..', 'npm');

/** The page may load its own files and nothing else. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const pkg = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
const wasm = join(npmDir, pkg.exports['./ecslint_wasm_bg.wasm']);
if (!existsSync(wasm)) {
  console.error(`build.mjs: ${relative(process.cwd(), wasm)} is missing: run npm/scripts/build.sh first`);
  process.exit(1);
}

const ecslintPackage = {
  name: 'ecslint',
  setup(b) {
    b.onResolve({ filter: /^ecslint(\/.*)?$/ }, (args) => {
      const sub = args.path === 'ecslint' ? '.' : `.${args.path.slice('ecslint'.length)}`;
      let target = pkg.exports[sub];
      if (target && typeof target === 'object') target = target.browser ?? target.default;
      if (typeof target !== 'string') return { errors: [{ text: `ecslint does not export ${sub}` }] };
      return { path: join(npmDir, target) };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const result = await build({
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true,
  format: 'esm',
  splitting: true,
  target: ['es2022', 'chrome105', 'firefox110', 'safari16.4'],
  minify: true,
  legalComments: 'linked',
  outdir: join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.json': 'text', '.yaml': 'text', '.tf': 'text', '.wasm': 'file' },
  plugins: [ecslintPackage],
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((p) => resolve(p));
const find = (ext) => outputs.find((p) => p.endsWith(ext) && !p.endsWith('.LEGAL.txt'));
// The entry's script (the other .js files are the chunks it imports).
const js = resolve(Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)[0]);
const css = find('.css');
const html = readFileSync(join(here, 'src', 'index.html'), 'utf8')
  .replace('__CSP__', CSP)
  .replace('__JS__', relative(dist, js))
  .replace('__CSS__', relative(dist, css));
writeFileSync(join(dist, 'index.html'), html);
copyFileSync(join(here, 'src', 'icon.svg'), join(dist, 'icon.svg'));

const rows = [join(dist, 'index.html'), ...outputs].map((p) => {
  const bytes = readFileSync(p);
  return [relative(dist, p), statSync(p).size, gzipSync(bytes, { level: 9 }).length];
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, raw, gz] of rows) console.log(`  ${name.padEnd(40)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)} gzipped`);
const hash = createHash('sha256').update(html).digest('hex').slice(0, 12);
console.log(`build.mjs: web/dist ready (index.html ${hash})`);
