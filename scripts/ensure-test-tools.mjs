// Makes sure every test can run: Debian's chromium and the Noto CJK fonts for the browser tests
// (without the fonts Japanese renders as boxes), faketime for the run with the clock a year
// ahead, and tesseract with its Japanese data for the emulator's Drive OCR (photographed receipts). Installs them with apt-get when running as root; otherwise stops at once with the command
// to run. No test is ever skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const NOTO_DIR = '/usr/share/fonts/opentype/noto';
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'faketime', 'tesseract-ocr', 'tesseract-ocr-jpn'];

function hasChromium() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasJapaneseFonts() {
  if (!existsSync(NOTO_DIR)) return false;
  try {
    return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** The languages tesseract has data for ('eng', 'jpn'…), none when it is not installed. */
function tesseractLanguages() {
  const out = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (out.status !== 0) return [];
  // Older tesseract versions print the list on stderr.
  return `${out.stdout}\n${out.stderr}`.split('\n').map((line) => line.trim());
}

function missing() {
  const list = [];
  if (!hasChromium()) list.push('chromium');
  if (!hasJapaneseFonts()) list.push('fonts-noto-cjk');
  if (!onPath('faketime')) list.push('faketime');
  const languages = tesseractLanguages();
  if (!languages.includes('eng')) list.push('tesseract-ocr');
  if (!languages.includes('jpn')) list.push('tesseract-ocr-jpn');
  return list;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command with its output in a temp log, shown only when it fails. */
function run(command, args) {
  const dir = mkdtempSync(join(tmpdir(), 'pokke-apt-'));
  const log = join(dir, 'out.log');
  const fd = openSync(log, 'w');
  const result = spawnSync(command, args, {
    stdio: ['ignore', fd, fd],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  closeSync(fd);
  const output = readFileSync(log, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) {
    process.stderr.write(output.split('\n').slice(-30).join('\n'));
    console.error(`ensure-test-tools: ${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(1);
  }
}

const absent = missing();
if (absent.length === 0) {
  const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  console.log(
    `ensure-test-tools: ${version || CHROMIUM}, Noto CJK fonts, faketime and tesseract (jpn) are installed`,
  );
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const install = `apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;
if (!isRoot || !onPath('apt-get')) {
  const sudo = isRoot ? '' : 'sudo ';
  console.error(
    `ensure-test-tools: missing ${absent.join(', ')} (needed by the browser tests, the run a year ahead and the emulator's OCR).`,
  );
  console.error(`Run:\n  ${sudo}apt-get update && ${sudo}${install}`);
  process.exit(1);
}

console.log(`ensure-test-tools: installing ${PACKAGES.join(' ')} with apt-get…`);
run('apt-get', ['update']);
run('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES]);
const still = missing();
if (still.length) {
  console.error(`ensure-test-tools: still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
console.log(`ensure-test-tools: ${PACKAGES.join(', ')} installed`);
