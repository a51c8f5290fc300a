/**
 * `npm run deploy` (scripts/deploy.mjs) against stand-ins for `clasp` and `npm` put first on the
 * PATH. The stand-ins record every call (arguments, working folder, the .clasp.json they see, the
 * files a push would upload) and answer as clasp 3.4 does — with and without credentials.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEPLOY = resolve(__dirname, '../../scripts/deploy.mjs');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopq';
const OTHER_ID = '1OtherScriptIdOtherScriptIdOtherScriptIdOtherScriptI';
const NEW_SCRIPT_ID = '1NewBoundScriptNewBoundScriptNewBoundScriptNewBound0';
const NEW_SHEET_ID = '1NewSpreadsheetNewSpreadsheetNewSpreadsheet0';

/** How the stand-ins answer. */
interface Scenario {
  loggedIn: boolean;
  /** clasp's message and exit code when create-script fails. */
  createFails?: { message: string; code: number };
  pushFails?: string;
  checkFails?: boolean;
}

interface Call {
  command: 'clasp' | 'npm';
  args: string[];
  cwd: string;
  claspJson: Record<string, unknown> | null;
  pushedFiles?: string[];
}

// Answers like clasp 3.4.1 (node_modules/@google/clasp/build/src): show-authorized-user --json
// prints {"loggedIn": …}; without credentials create-script and push print "No credentials found."
// and exit 1; create-script where a .clasp.json exists prints "Project file already exists." and
// exits 0; with --json create-script prints {scriptId, parentId, files} and writes .clasp.json.
const CLASP = `
const fs = require('node:fs');
const path = require('node:path');
const dir = __dirname;
const scenario = JSON.parse(fs.readFileSync(path.join(dir, 'scenario.json'), 'utf8'));
const args = process.argv.slice(2);
const cwd = process.cwd();
const claspPath = path.join(cwd, '.clasp.json');
const claspJson = fs.existsSync(claspPath) ? JSON.parse(fs.readFileSync(claspPath, 'utf8')) : null;
const call = { command: 'clasp', args, cwd, claspJson };
const record = () => fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify(call) + '\\n');
const fail = (message, code = 1) => { record(); console.error(message); process.exit(code); };
const [command] = args;
if (command === 'show-authorized-user') {
  record();
  console.log(JSON.stringify(scenario.loggedIn ? { loggedIn: true, email: 'owner@example.com' } : { loggedIn: false }, null, 2));
} else if (command === 'create-script') {
  if (claspJson) fail('Project file already exists.', 0);
  if (!scenario.loggedIn) fail('No credentials found.');
  if (scenario.createFails) fail(scenario.createFails.message, scenario.createFails.code);
  record();
  const title = args[args.indexOf('--title') + 1];
  fs.writeFileSync(path.join(cwd, 'appsscript.json'), '{"timeZone":"America/New_York"}');
  fs.writeFileSync(path.join(cwd, 'Code.js'), 'function myFunction() {}');
  fs.writeFileSync(claspPath, JSON.stringify({ scriptId: '${NEW_SCRIPT_ID}', rootDir: '', parentId: '${NEW_SHEET_ID}' }));
  console.log(JSON.stringify({ scriptId: '${NEW_SCRIPT_ID}', parentId: '${NEW_SHEET_ID}', title, files: ['appsscript.json', 'Code.js'] }, null, 2));
} else if (command === 'push') {
  if (!scenario.loggedIn) fail('No credentials found.');
  if (scenario.pushFails) fail(scenario.pushFails);
  const rootDir = path.join(cwd, (claspJson && claspJson.rootDir) || '.');
  call.pushedFiles = fs.existsSync(rootDir) ? fs.readdirSync(rootDir).sort() : [];
  record();
  console.log('Pushed ' + call.pushedFiles.length + ' files at 09:00:00.');
} else {
  fail('Unknown command "clasp ' + command + '"');
}
`;

// `npm run check` and `npm run build`: build writes what scripts/build.mjs writes into dist/.
const NPM = `
const fs = require('node:fs');
const path = require('node:path');
const dir = __dirname;
const scenario = JSON.parse(fs.readFileSync(path.join(dir, 'scenario.json'), 'utf8'));
const args = process.argv.slice(2);
const cwd = process.cwd();
const claspPath = path.join(cwd, '.clasp.json');
const claspJson = fs.existsSync(claspPath) ? JSON.parse(fs.readFileSync(claspPath, 'utf8')) : null;
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify({ command: 'npm', args, cwd, claspJson }) + '\\n');
if (args[1] === 'check' && scenario.checkFails) { console.error('src/main.ts(1,1): error TS1005'); process.exit(2); }
if (args[1] === 'build') {
  fs.rmSync(path.join(cwd, 'dist'), { recursive: true, force: true });
  fs.mkdirSync(path.join(cwd, 'dist'));
  for (const f of ['Code.js', 'appsscript.json', 'sidebar-settings.html']) fs.writeFileSync(path.join(cwd, 'dist', f), '');
}
`;

interface Outcome {
  code: number | null;
  out: string;
  err: string;
  calls: Call[];
  project: string;
  claspJson: Record<string, unknown> | null;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function standIn(dir: string, name: string, body: string): void {
  const file = join(dir, name);
  writeFileSync(file, `#!${process.execPath}\n${body}`);
  chmodSync(file, 0o755);
}

/** Runs deploy.mjs in a fresh project folder with `claspJson` (or none), PATH = the stand-ins only. */
function deploy(
  args: string[],
  scenario: Scenario,
  claspJson?: Record<string, unknown>,
  bin: 'stand-ins' | 'none' = 'stand-ins',
): Outcome {
  const root = mkdtempSync(join(tmpdir(), 'pokke-deploy-'));
  roots.push(root);
  const binDir = join(root, 'bin');
  const project = join(root, 'project');
  mkdirSync(binDir);
  mkdirSync(project);
  writeFileSync(join(binDir, 'scenario.json'), JSON.stringify(scenario));
  if (bin === 'stand-ins') {
    standIn(binDir, 'clasp', CLASP);
    standIn(binDir, 'npm', NPM);
  }
  if (claspJson) writeFileSync(join(project, '.clasp.json'), JSON.stringify(claspJson));
  const r = spawnSync(process.execPath, [DEPLOY, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: binDir, HOME: root, TMPDIR: root },
  });
  const log = join(binDir, 'calls.jsonl');
  const calls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Call)
    : [];
  const claspPath = join(project, '.clasp.json');
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    calls,
    project,
    claspJson: existsSync(claspPath) ? JSON.parse(readFileSync(claspPath, 'utf8')) : null,
  };
}

const summary = (calls: Call[]) => calls.map((c) => `${c.command} ${c.args.join(' ')}`);
const pushes = (o: Outcome) => o.calls.filter((c) => c.command === 'clasp' && c.args[0] === 'push');
const creates = (o: Outcome) =>
  o.calls.filter((c) => c.command === 'clasp' && c.args[0] === 'create-script');

/** A failure the owner can read: exit code 1, Japanese then English, no stack trace. */
function expectCleanFailure(o: Outcome, ...phrases: RegExp[]): void {
  expect(o.code).toBe(1);
  expect(o.err).not.toMatch(/\n\s+at /);
  expect(o.err).not.toMatch(/Error:/);
  for (const p of phrases) expect(o.err).toMatch(p);
}

describe('npm run deploy -- --new', () => {
  it('checks, builds, creates a Sheets-bound script elsewhere, points .clasp.json at it and pushes dist/', () => {
    const o = deploy(
      ['--new', 'Pokke 帳簿'],
      { loggedIn: true },
      { scriptId: '', rootDir: 'dist' },
    );
    expect(o.code).toBe(0);
    expect(summary(o.calls)).toEqual([
      'clasp show-authorized-user --json',
      'npm run check',
      'npm run build',
      'clasp create-script --type sheets --title Pokke 帳簿 --json',
      'clasp push --force',
    ]);
    const [create] = creates(o);
    // Created outside the project: clasp's default Code.js and manifest never land in it.
    expect(create!.cwd).not.toBe(o.project);
    expect(create!.claspJson).toBeNull();
    expect(readdirSync(o.project).sort()).toEqual(['.clasp.json', 'dist']);
    expect(o.claspJson).toEqual({
      scriptId: NEW_SCRIPT_ID,
      parentId: NEW_SHEET_ID,
      rootDir: 'dist',
    });
    const [push] = pushes(o);
    expect(push!.cwd).toBe(o.project);
    expect(push!.claspJson).toEqual(o.claspJson);
    expect(push!.pushedFiles).toEqual(['Code.js', 'appsscript.json', 'sidebar-settings.html']);
  });

  it('prints the workbook, the editor, the first menu step and the clicks that install the cards', () => {
    const o = deploy(['--new', 'Pokke 帳簿'], { loggedIn: true });
    expect(o.code).toBe(0);
    expect(o.out).toContain(`https://docs.google.com/spreadsheets/d/${NEW_SHEET_ID}/edit`);
    expect(o.out).toContain(`https://script.google.com/d/${NEW_SCRIPT_ID}/edit`);
    // A bound script's add-on menu takes the script's name, which clasp sets to the title.
    expect(o.out).toContain('拡張機能 → Pokke 帳簿 → ワークブックを準備');
    expect(o.out).toContain('デプロイ → デプロイをテスト → インストール');
    expect(o.out).toContain('Deploy → Test deployments → Install');
  });

  it('names the workbook and its menu Pokke when no name is given', () => {
    const o = deploy(['--new'], { loggedIn: true });
    expect(o.code).toBe(0);
    expect(creates(o)[0]!.args).toEqual([
      'create-script',
      '--type',
      'sheets',
      '--title',
      'Pokke',
      '--json',
    ]);
    expect(o.out).toContain('拡張機能 → Pokke → ワークブックを準備');
  });

  it('stops before anything is built, created or pushed when nobody is logged in', () => {
    const o = deploy(['--new', 'Pokke 帳簿'], { loggedIn: false });
    expectCleanFailure(o, /npx clasp login/, /Nobody is logged in/);
    expect(summary(o.calls)).toEqual(['clasp show-authorized-user --json']);
    expect(o.claspJson).toBeNull();
  });

  it('creates and pushes nothing when the check fails', () => {
    const o = deploy(['--new'], { loggedIn: true, checkFails: true });
    expectCleanFailure(o, /check に失敗しました/, /Nothing was pushed/);
    expect(creates(o)).toEqual([]);
    expect(pushes(o)).toEqual([]);
  });

  it('pushes nothing and leaves .clasp.json alone when clasp cannot create the workbook', () => {
    const template = { scriptId: '', rootDir: 'dist' };
    const o = deploy(
      ['--new'],
      {
        loggedIn: true,
        createFails: {
          message:
            'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
          code: 1,
        },
      },
      template,
    );
    expectCleanFailure(
      o,
      /ワークブックを作れませんでした/,
      /Could not create the workbook/,
      /https:\/\/script\.google\.com\/home\/usersettings/,
    );
    expect(pushes(o)).toEqual([]);
    expect(o.claspJson).toEqual(template);
  });

  it('treats a create that exits 0 without a script id as a failure', () => {
    const o = deploy(['--new'], {
      loggedIn: true,
      createFails: { message: 'Project file already exists.', code: 0 },
    });
    expectCleanFailure(o, /Could not create the workbook/);
    expect(pushes(o)).toEqual([]);
    expect(o.claspJson).toBeNull();
  });

  it('keeps the new workbook in .clasp.json and says how to retry when the push fails', () => {
    const o = deploy(['--new'], {
      loggedIn: true,
      pushFails: 'Request contains an invalid argument.',
    });
    expectCleanFailure(
      o,
      /clasp push に失敗しました/,
      new RegExp(`spreadsheets/d/${NEW_SHEET_ID}/edit`),
      /npm run deploy retries the push/,
    );
    expect(o.claspJson).toMatchObject({ scriptId: NEW_SCRIPT_ID, parentId: NEW_SHEET_ID });
  });

  it('refuses to repoint a .clasp.json that names another script, unless --replace', () => {
    const other = { scriptId: OTHER_ID, rootDir: 'dist' };
    const refused = deploy(['--new'], { loggedIn: true }, other);
    expectCleanFailure(refused, new RegExp(`another script, ${OTHER_ID}`), /--replace/);
    expect(refused.calls).toEqual([]);
    expect(refused.claspJson).toEqual(other);

    const replaced = deploy(['--new', '--replace'], { loggedIn: true }, other);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain(`Replacing .clasp.json: ${OTHER_ID}`);
    expect(replaced.claspJson).toMatchObject({ scriptId: NEW_SCRIPT_ID });
  });
});

describe('npm run deploy -- --script-id', () => {
  it('writes .clasp.json with that script and rootDir dist, then checks, builds and pushes', () => {
    const o = deploy(['--script-id', SCRIPT_ID], { loggedIn: true });
    expect(o.code).toBe(0);
    expect(summary(o.calls)).toEqual([
      'clasp show-authorized-user --json',
      'npm run check',
      'npm run build',
      'clasp push --force',
    ]);
    expect(o.claspJson).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    expect(pushes(o)[0]!.claspJson).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    expect(o.out).toContain('Deploy → Test deployments → Install');
  });

  it('takes the id from an Apps Script editor URL', () => {
    const o = deploy(['--script-id', `https://script.google.com/home/projects/${SCRIPT_ID}/edit`], {
      loggedIn: true,
    });
    expect(o.code).toBe(0);
    expect(o.claspJson).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
  });

  it('keeps what .clasp.json knows about the same script and fixes its rootDir', () => {
    const o = deploy(
      ['--script-id', SCRIPT_ID],
      { loggedIn: true },
      { scriptId: SCRIPT_ID, rootDir: '.', parentId: NEW_SHEET_ID },
    );
    expect(o.code).toBe(0);
    expect(o.claspJson).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist', parentId: NEW_SHEET_ID });
  });

  it('refuses another script in .clasp.json without --replace, and says what it replaced with it', () => {
    const other = { scriptId: OTHER_ID, rootDir: 'dist' };
    const refused = deploy(['--script-id', SCRIPT_ID], { loggedIn: true }, other);
    expectCleanFailure(refused, new RegExp(`${OTHER_ID}`), /--replace/);
    expect(refused.calls).toEqual([]);
    expect(refused.claspJson).toEqual(other);

    const replaced = deploy(['--script-id', SCRIPT_ID, '--replace'], { loggedIn: true }, other);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain(`${OTHER_ID} → ${SCRIPT_ID}`);
    expect(replaced.claspJson).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
  });

  it('rejects something that is not a script id', () => {
    const o = deploy(['--script-id', 'my workbook'], { loggedIn: true });
    expectCleanFailure(o, /Not a script id/);
    expect(o.calls).toEqual([]);
  });
});

describe('npm run deploy (the configured project)', () => {
  const configured = { scriptId: SCRIPT_ID, rootDir: 'dist', parentId: NEW_SHEET_ID };

  it('checks, builds and pushes to the script in .clasp.json', () => {
    const o = deploy([], { loggedIn: true }, configured);
    expect(o.code).toBe(0);
    expect(summary(o.calls)).toEqual([
      'clasp show-authorized-user --json',
      'npm run check',
      'npm run build',
      'clasp push --force',
    ]);
    expect(o.claspJson).toEqual(configured);
    expect(o.out).toContain(`https://docs.google.com/spreadsheets/d/${NEW_SHEET_ID}/edit`);
  });

  it('says to use --new or --script-id when there is nothing to push to', () => {
    for (const claspJson of [undefined, { scriptId: '', rootDir: 'dist' }]) {
      const o = deploy([], { loggedIn: true }, claspJson);
      expectCleanFailure(o, /--new/, /--script-id/);
      expect(o.calls).toEqual([]);
    }
  });

  it('refuses a .clasp.json whose rootDir is not dist/ (it would upload the wrong folder)', () => {
    const o = deploy([], { loggedIn: true }, { scriptId: SCRIPT_ID, rootDir: '.' });
    expectCleanFailure(o, /rootDir/, new RegExp(`--script-id ${SCRIPT_ID}`));
    expect(o.calls).toEqual([]);
  });

  it('pushes nothing when nobody is logged in', () => {
    const o = deploy([], { loggedIn: false }, configured);
    expectCleanFailure(o, /npx clasp login/);
    expect(pushes(o)).toEqual([]);
  });

  it('reports a failed push with what to do about it', () => {
    const o = deploy(
      [],
      {
        loggedIn: true,
        pushFails:
          'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
      },
      configured,
    );
    expectCleanFailure(o, /clasp push failed/, /Turn on the Apps Script API/);
    expect(o.err).not.toContain('retries the push');
  });

  it('says to install clasp when it is not on the PATH', () => {
    const o = deploy([], { loggedIn: true }, configured, 'none');
    expectCleanFailure(o, /clasp was not found/, /npm install/);
  });

  it('rejects an unknown argument with the usage', () => {
    const o = deploy(['--force'], { loggedIn: true }, configured);
    expectCleanFailure(o, /Unexpected argument: --force/, /--script-id/);
    expect(o.calls).toEqual([]);
  });
});
