// npm run deploy: puts Pokke into a Google Sheets workbook as the workbook's bound script.
//   npm run deploy -- --new ["名前"]          a new workbook with Pokke bound to it (default name Pokke)
//   npm run deploy -- --script-id <id|URL>    the bound script of an existing workbook
//   npm run deploy                            the project .clasp.json points at, again
// Add --replace to let --new/--script-id repoint a .clasp.json that names another script.
// Every form: clasp logged in? → npm run check → npm run build → (clasp create-script) → clasp push
// --force of dist/. The test suite is not run here: `npm test` belongs before a commit, not a push.
// clasp and npm are taken from the PATH (npm run puts node_modules/.bin first); the project is the
// current directory (npm run starts scripts in the package root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLASP_JSON = '.clasp.json';
const ROOT_DIR = 'dist';
const DEFAULT_TITLE = 'Pokke';
const API_SETTINGS_URL = 'https://script.google.com/home/usersettings';

/** A failure the owner can act on: printed as two lines, Japanese first, never with a stack. */
class DeployError extends Error {
  constructor(ja, en) {
    super(en);
    this.ja = ja;
    this.en = en;
  }
}

const USAGE = [
  'npm run deploy -- --new ["名前 / name"]   新しいワークブックを作って Pokke を入れる / a new workbook with Pokke',
  'npm run deploy -- --script-id <ID|URL>    既存のワークブックのスクリプトへ / into an existing workbook’s script',
  'npm run deploy                             .clasp.json のプロジェクトへ / to the project in .clasp.json',
  '  --replace   別のスクリプトを指す .clasp.json を置き換える / repoint a .clasp.json naming another script',
].join('\n');

function parseArgs(argv) {
  const options = { mode: 'configured', replace: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    const hasValue = next !== undefined && !next.startsWith('--');
    if (arg === '--replace') options.replace = true;
    else if (arg === '--new' && options.mode === 'configured') {
      options.mode = 'new';
      options.title = hasValue ? next.trim() : DEFAULT_TITLE;
      if (hasValue) i++;
      if (!options.title) throw new DeployError('名前が空です。', 'The name is empty.');
    } else if (arg === '--script-id' && options.mode === 'configured' && hasValue) {
      options.mode = 'script-id';
      options.scriptId = scriptIdFrom(next);
      i++;
    } else {
      throw new DeployError(
        `使い方が違います（${arg}）。\n${USAGE}`,
        `Unexpected argument: ${arg}. See the usage above.`,
      );
    }
  }
  return options;
}

/** The id itself, or the id inside an Apps Script editor URL (…/d/<id>/edit, …/projects/<id>/edit). */
function scriptIdFrom(text) {
  const id = text.trim().match(/\/(?:d|projects)\/([\w-]+)/)?.[1] ?? text.trim();
  if (!/^[\w-]{20,}$/.test(id)) {
    throw new DeployError(
      `スクリプト ID ではありません: ${text}（Apps Script エディタ → プロジェクトの設定 → スクリプト ID）`,
      `Not a script id: ${text} (Apps Script editor → Project Settings → Script ID).`,
    );
  }
  return id;
}

function readClaspJson() {
  if (!existsSync(CLASP_JSON)) return undefined;
  try {
    return JSON.parse(readFileSync(CLASP_JSON, 'utf8'));
  } catch {
    throw new DeployError(
      `${CLASP_JSON} を読めません（JSON ではありません）。`,
      `${CLASP_JSON} is not valid JSON.`,
    );
  }
}

function writeClaspJson(settings) {
  writeFileSync(CLASP_JSON, `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Refuses to repoint a .clasp.json that names another script unless --replace says so, and says
 * so when it does. `target` is undefined for --new (the id is not known yet).
 */
function guardExisting(existing, target, replace) {
  const current = existing?.scriptId;
  if (!current || current === target) return;
  const what = target ?? '新しいワークブックのスクリプト / the new workbook’s script';
  if (!replace) {
    throw new DeployError(
      `${CLASP_JSON} は別のスクリプト ${current} を指しています。${what} に置き換えるなら --replace を付けてください。`,
      `${CLASP_JSON} points at another script, ${current}. Add --replace to point it at ${what} instead.`,
    );
  }
  console.log(
    `\n⚠ ${CLASP_JSON} を置き換えます: ${current} → ${what}\n  Replacing ${CLASP_JSON}: ${current} → ${what}` +
      `\n  元に戻すには / to go back: npm run deploy -- --script-id ${current} --replace`,
  );
}

/** The configured project for a plain deploy; its rootDir must be dist/, the only thing pushed. */
function configuredProject(existing) {
  if (!existing?.scriptId) {
    throw new DeployError(
      `プッシュ先がありません（${CLASP_JSON} に scriptId がない）。新しいワークブックなら npm run deploy -- --new、既存のワークブックなら npm run deploy -- --script-id <ID>。`,
      `Nowhere to push (no scriptId in ${CLASP_JSON}). Use npm run deploy -- --new for a new workbook, or -- --script-id <id> for an existing one.`,
    );
  }
  if (resolve(existing.rootDir ?? '.') !== resolve(ROOT_DIR)) {
    throw new DeployError(
      `${CLASP_JSON} の rootDir が ${ROOT_DIR} ではありません（${existing.rootDir ?? '.'}）。npm run deploy -- --script-id ${existing.scriptId} で直せます。`,
      `${CLASP_JSON} has rootDir ${existing.rootDir ?? '.'}, not ${ROOT_DIR}. npm run deploy -- --script-id ${existing.scriptId} fixes it.`,
    );
  }
  return existing;
}

/** Runs a command from the PATH; `capture` keeps its output (and echoes it) instead of sharing the terminal. */
function run(command, args, { cwd = process.cwd(), capture = false } = {}) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
  });
  if (r.error?.code === 'ENOENT') {
    throw new DeployError(
      `${command} が見つかりません。npm install のあと npm run deploy で実行してください。`,
      `${command} was not found. Run npm install, then use npm run deploy.`,
    );
  }
  if (r.error)
    throw new DeployError(
      `${command} を起動できません。`,
      `${command} failed to start: ${r.error.message}`,
    );
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function step(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  if (!run(command, args).ok) {
    throw new DeployError(
      `${label} に失敗しました。何もプッシュしていません。`,
      `${label} failed. Nothing was pushed.`,
    );
  }
}

function echo({ stdout, stderr }) {
  process.stdout.write(stdout);
  process.stderr.write(stderr);
}

/** What to do about a failed clasp call, read from what clasp printed. */
function claspHint(output) {
  if (/Apps Script API/i.test(output)) {
    return [
      `Apps Script API をオンにしてください: ${API_SETTINGS_URL}`,
      `Turn on the Apps Script API: ${API_SETTINGS_URL}`,
    ];
  }
  return ['上の clasp のメッセージを確認してください。', 'See clasp’s message above.'];
}

function claspFailure(ja, en, result, { jaAfter = '', enAfter = '' } = {}) {
  const [hintJa, hintEn] = claspHint(`${result.stdout}\n${result.stderr}`);
  return new DeployError(`${ja}${hintJa}${jaAfter}`, `${en} ${hintEn}${enAfter}`);
}

function ensureLoggedIn() {
  console.log('\n▶ login: clasp show-authorized-user --json');
  const result = run('clasp', ['show-authorized-user', '--json'], { capture: true });
  let status;
  try {
    status = JSON.parse(result.stdout);
  } catch {
    status = undefined;
  }
  if (!result.ok || typeof status?.loggedIn !== 'boolean') {
    echo(result);
    throw new DeployError(
      'clasp がログイン状態を答えませんでした。npx clasp --version で clasp 3 か確かめてください。',
      'clasp did not report its login state. Check that npx clasp --version is 3.x.',
    );
  }
  if (!status.loggedIn) {
    throw new DeployError(
      'clasp にログインしていません。先に npx clasp login を実行してください。何もプッシュしていません。',
      'Nobody is logged in to clasp. Run npx clasp login first. Nothing was pushed.',
    );
  }
  if (status.email) console.log(`  ${status.email}`);
}

/**
 * clasp create-script --type sheets makes the spreadsheet and its bound script and pulls the
 * script's default files. It runs in an empty folder: clasp refuses (with exit code 0) where a
 * .clasp.json exists, and its default Code.js/appsscript.json stay out of the project.
 */
function createBoundWorkbook(title) {
  const args = ['create-script', '--type', 'sheets', '--title', title, '--json'];
  console.log(`\n▶ create: clasp ${args.join(' ')}`);
  const scratch = mkdtempSync(join(tmpdir(), 'pokke-create-'));
  try {
    const result = run('clasp', args, { cwd: scratch, capture: true });
    let created;
    try {
      const out = result.stdout;
      created = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
    } catch {
      created = undefined;
    }
    if (!result.ok || !created?.scriptId || !created?.parentId) {
      echo(result);
      throw claspFailure(
        'ワークブックを作れませんでした。',
        'Could not create the workbook.',
        result,
      );
    }
    return { scriptId: created.scriptId, parentId: created.parentId };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const workbookUrl = (parentId) => `https://docs.google.com/spreadsheets/d/${parentId}/edit`;
const editorUrl = (scriptId) => `https://script.google.com/d/${scriptId}/edit`;

function push(project, { created }) {
  console.log('\n▶ push: clasp push --force');
  const result = run('clasp', ['push', '--force'], { capture: true });
  echo(result);
  if (!result.ok) {
    const retry = created
      ? {
          jaAfter: `\nワークブックは作成済みです: ${workbookUrl(project.parentId)}\nnpm run deploy でプッシュをやり直せます。`,
          enAfter: `\nThe workbook was created: ${workbookUrl(project.parentId)}\nnpm run deploy retries the push.`,
        }
      : {};
    throw claspFailure('clasp push に失敗しました。', 'clasp push failed.', result, retry);
  }
}

function printNextSteps(project, { menuName, firstInstall }) {
  const lines = ['', '✔ プッシュしました / Pushed to Apps Script', ''];
  if (project.parentId) lines.push(`  ワークブック / workbook:  ${workbookUrl(project.parentId)}`);
  lines.push(`  Apps Script エディタ / editor:  ${editorUrl(project.scriptId)}`);
  if (firstInstall) {
    lines.push(
      '',
      '次の手順 / Next:',
      `  1. ワークブックを開き 拡張機能 → ${menuName} → ワークブックを準備（初回は承認を求められます）`,
      `     Open the workbook: Extensions → ${menuName} → ワークブックを準備 (authorise when asked).`,
      '  2. Gmail とカレンダーのカード: Apps Script エディタで デプロイ → デプロイをテスト → インストール（→ 完了）',
      '     Gmail and Calendar cards: in the Apps Script editor, Deploy → Test deployments → Install (→ Done).',
      '  3. Gmail を再読み込みすると右側のパネルに Pokke が出ます。',
      '     Reload Gmail: Pokke appears in the right-hand side panel.',
    );
  } else {
    lines.push(
      '',
      '  ワークブックと Gmail を再読み込みすると新しいコードで動きます（テストデプロイは最新のコードを使います）。',
      '  Reload the workbook and Gmail to run the new code (the test deployment runs the latest code).',
    );
  }
  console.log(lines.join('\n'));
}

function deploy(argv) {
  const options = parseArgs(argv);
  const existing = readClaspJson();
  if (options.mode === 'configured') configuredProject(existing);
  else guardExisting(existing, options.scriptId, options.replace);

  ensureLoggedIn();
  step('check', 'npm', ['run', 'check']);
  step('build', 'npm', ['run', 'build']);

  let project;
  if (options.mode === 'new') {
    project = { ...createBoundWorkbook(options.title), rootDir: ROOT_DIR };
    writeClaspJson(project);
  } else if (options.mode === 'script-id') {
    const same = existing?.scriptId === options.scriptId;
    project = { ...(same ? existing : {}), scriptId: options.scriptId, rootDir: ROOT_DIR };
    writeClaspJson(project);
  } else {
    project = existing;
  }
  push(project, { created: options.mode === 'new' });
  printNextSteps(project, {
    menuName:
      options.mode === 'new' ? options.title : '（Apps Script プロジェクト名 / project name）',
    firstInstall: options.mode !== 'configured',
  });
}

try {
  deploy(process.argv.slice(2));
} catch (error) {
  const ja = error instanceof DeployError ? error.ja : '予期しないエラーです。';
  const en =
    error instanceof DeployError ? error.en : `Unexpected error: ${error?.message ?? error}`;
  console.error(`\n✖ ${ja}\n  ${en}\n`);
  process.exitCode = 1;
}
