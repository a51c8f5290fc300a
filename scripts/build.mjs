// Builds the Apps Script project into dist/:
//   dist/Code.js          src/main.ts bundled for V8; every export of main.ts becomes a top-level
//                         `function` stub so Apps Script can find it; nothing else is global but `Pokke`.
//   dist/appsscript.json  the manifest, copied.
//   dist/<sidebar>.html   each sidebar/<name>/ (index.html + main.ts + style.css) as one self-contained file.
//   dist/zengin-data.html the bank and branch directory (scripts/build-zengin-data.mjs) as a project
//                         file the server reads only when it checks bank codes
//                         (src/services/bankDirectory.ts): never part of Code.js.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { build } from 'esbuild';
import { compact, readSource } from './build-zengin-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entry = join(root, 'src/main.ts');
export const GLOBAL_NAME = 'Pokke';
const TARGET = 'es2020';

async function entryExports() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error('build: no entry output in the metafile');
  return output.exports.filter((name) => name !== 'default').sort();
}

async function buildServer() {
  const names = await entryExports();
  const bad = names.filter((n) => n.endsWith('_'));
  if (bad.length) throw new Error(`build: entry points cannot end in "_": ${bad.join(', ')}`);
  const footer = names
    .map((n) => `function ${n}() { return ${GLOBAL_NAME}.${n}.apply(this, arguments); }`)
    .join('\n');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: TARGET,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifyWhitespace: false,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    footer: { js: `\n// Entry points Apps Script calls by name.\n${footer}\n` },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  // The runtime parses ES2020 at most: fail the build if anything newer slipped through.
  parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  writeFileSync(join(dist, 'Code.js'), code);
  return { names, bytes: Buffer.byteLength(code) };
}

/** The file name src/services/bankDirectory.ts reads (without `.html`). */
export const BANK_DIRECTORY_FILE = 'zengin-data';

/**
 * The compact bank directory as an HTML project file holding one JSON script element. Apps Script
 * parses only .gs files on every execution; an HTML file is read when asked for.
 */
function buildBankDirectory() {
  const data = compact(readSource(join(root, 'node_modules', 'zengin-code')));
  // `<` never occurs in the data; escaped anyway so the element cannot end early.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const html = `<!-- zengin-code ${data.updatedAt}: bank and branch codes, read by the server only -->\n<script type="application/json" id="zengin-data">${json}</script>\n`;
  writeFileSync(join(dist, `${BANK_DIRECTORY_FILE}.html`), html);
  return { bytes: Buffer.byteLength(html), banks: Object.keys(data.banks).length };
}

async function buildSidebar(name) {
  const dir = join(root, 'sidebar', name);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const script = await build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const cssFiles = [join(root, 'sidebar/shared/style.css'), join(dir, 'style.css')].filter(
    existsSync,
  );
  const css = cssFiles
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
    .replace(/<\/style/gi, '<\\/style');
  if (!html.includes('<!-- STYLE -->') || !html.includes('<!-- SCRIPT -->')) {
    throw new Error(
      `build: sidebar/${name}/index.html needs <!-- STYLE --> and <!-- SCRIPT --> markers`,
    );
  }
  const out = html
    .replace('<!-- STYLE -->', () => `<style>\n${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>\n${js}</script>`);
  checkNetwork(name, out);
  writeFileSync(join(dist, `sidebar-${name}.html`), out);
  return { name, bytes: Buffer.byteLength(out) };
}

/**
 * The only scripts a sidebar may fetch from the network, per sidebar, each with its reason. A
 * sidebar is otherwise one self-contained file: no tag loading from http(s), no script or style
 * URL in its code, no script element made at run time.
 * - payments: Google's loader for the Google Picker (「Driveから選ぶ」), as Apps Script's guide
 *   "File-open dialogs" loads it; fetched only when the owner clicks the button, never on open
 *   (sidebar/payments/picker.ts). The Picker cannot be bundled: it is Google's hosted UI.
 */
export const NETWORK_SCRIPTS = {
  payments: ['https://apis.google.com/js/api.js'],
};

function checkNetwork(name, out) {
  if (/<(script|link)[^>]+(src|href)=["']https?:/i.test(out)) {
    throw new Error(`build: sidebar ${name} loads something from the network`);
  }
  const allowed = NETWORK_SCRIPTS[name] ?? [];
  const urls = out.match(/https?:\/\/[^\s"'`<>)\\]+/g) ?? [];
  const loaded = urls.filter((u) => /\.(m?js|css)([?#].*)?$/i.test(u) && !allowed.includes(u));
  if (loaded.length > 0) {
    throw new Error(
      `build: sidebar ${name} loads something from the network: ${loaded.join(', ')}`,
    );
  }
  if (allowed.length === 0 && /createElement\(\s*["'](script|link)["']\s*\)/.test(out)) {
    throw new Error(`build: sidebar ${name} loads something from the network (a script element)`);
  }
}

function sidebarNames() {
  const dir = join(root, 'sidebar');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name);
}

export async function buildAll({ quiet = false } = {}) {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  const server = await buildServer();
  const sidebars = await Promise.all(sidebarNames().map(buildSidebar));
  const bankDirectory = buildBankDirectory();
  if (!quiet) {
    console.log(
      `dist/Code.js  ${(server.bytes / 1024).toFixed(1)} KB, ${server.names.length} entry points`,
    );
    for (const s of sidebars)
      console.log(`dist/sidebar-${s.name}.html  ${(s.bytes / 1024).toFixed(1)} KB`);
    console.log(
      `dist/${BANK_DIRECTORY_FILE}.html  ${(bankDirectory.bytes / 1024).toFixed(1)} KB, ${bankDirectory.banks} banks`,
    );
  }
  return { server, sidebars, bankDirectory };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
