// Writes the compact bank directory (src/core/transfers/bankDirectory.ts) from the zengin-code
// data, for the sidebar or the playground to load when they check a bank code. The data is never
// bundled into dist/Code.js.
//
//   node scripts/build-zengin-data.mjs <source> [out]
//
// <source> is either the installed package (node_modules/zengin-code, whose lib/zengin-data.js
// holds every bank with its branches) or a zengin-code/source-data `data` folder (banks.json and
// branches/<bank code>.json). [out] defaults to dist/zengin-data.json. Prints the sizes.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** { banks: { code: { kana, name, branches: { code: { kana, name } } } }, updatedAt, rawBytes } */
export function readSource(source) {
  const packageData = join(source, 'lib', 'zengin-data.js');
  if (existsSync(packageData)) {
    const banks = createRequire(import.meta.url)(resolve(packageData));
    const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    // The package's version ends with the data date: 1.0.0-p20260824.
    const updatedAt = /-p(\d{8})$/.exec(version)?.[1] ?? '';
    return { banks, updatedAt, rawBytes: statSync(packageData).size };
  }
  const banksFile = join(source, 'banks.json');
  if (!existsSync(banksFile)) {
    throw new Error(
      `${source}: neither lib/zengin-data.js (the package) nor banks.json (source-data)`,
    );
  }
  const banks = JSON.parse(readFileSync(banksFile, 'utf8'));
  let rawBytes = statSync(banksFile).size;
  for (const code of Object.keys(banks)) {
    const file = join(source, 'branches', `${code}.json`);
    banks[code].branches = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    if (existsSync(file)) rawBytes += statSync(file).size;
  }
  const updatedFile = join(source, 'updated_at');
  const updatedAt = existsSync(updatedFile) ? readFileSync(updatedFile, 'utf8').trim() : '';
  return { banks, updatedAt, rawBytes };
}

const line = (entry) => `${entry.kana}\t${entry.name}`;

/** The compact form of bankDirectory.ts: per bank, its line then one line per branch. */
export function compact({ banks, updatedAt }) {
  const out = {};
  for (const code of Object.keys(banks).sort()) {
    const bank = banks[code];
    const branches = Object.keys(bank.branches ?? {}).sort();
    out[code] = [line(bank), ...branches.map((b) => b + line(bank.branches[b]))].join('\n');
  }
  return { updatedAt, banks: out };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function main() {
  const [source, out = join(root, 'dist', 'zengin-data.json')] = process.argv.slice(2);
  if (!source) {
    console.error(
      'usage: node scripts/build-zengin-data.mjs <zengin-code package or data folder> [out]',
    );
    process.exit(2);
  }
  const data = readSource(source);
  const json = JSON.stringify(compact(data));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  const branches = Object.values(data.banks).reduce(
    (n, b) => n + Object.keys(b.branches ?? {}).length,
    0,
  );
  const bytes = Buffer.byteLength(json);
  console.log(
    `${out}: ${Object.keys(data.banks).length} banks, ${branches} branches (data of ${data.updatedAt || 'unknown date'})\n` +
      `  source  ${kb(data.rawBytes)}\n` +
      `  compact ${kb(bytes)}, gzipped ${kb(gzipSync(json, { level: 9 }).length)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
