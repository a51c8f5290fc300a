// npm run deploy: check → test → build → clasp push. Stops at the first failure with a clear message.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function fail(ja, en) {
  console.error(`\n✖ ${ja}\n  ${en}\n`);
  process.exit(1);
}

function step(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) fail(`${label} に失敗しました。`, `${label} failed.`);
}

const clasprc = process.env.CLASPRC ?? join(homedir(), '.clasprc.json');
if (!existsSync(clasprc)) {
  fail(
    'clasp にログインしていません。先に `npx clasp login` を実行してください。',
    'Nobody is logged in to clasp. Run `npx clasp login` first.',
  );
}
const clasp = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!clasp.scriptId) {
  fail(
    '.clasp.json の scriptId が空です。README の「デプロイ」の手順でスクリプトを作成してください。',
    '.clasp.json has no scriptId. Create the script as described under "Deploy" in the README.',
  );
}
step('check', 'npm', ['run', 'check']);
step('test', 'npm', ['test']);
step('build', 'npm', ['run', 'build']);
const push = spawnSync('npx', ['clasp', 'push', '--force'], { encoding: 'utf8' });
process.stdout.write(push.stdout ?? '');
process.stderr.write(push.stderr ?? '');
if (push.status !== 0) {
  if (/No credentials found|login/i.test(`${push.stdout}${push.stderr}`)) {
    fail(
      'clasp の認証情報がありません。`npx clasp login` を実行してください。',
      'clasp has no credentials. Run `npx clasp login`.',
    );
  }
  fail('clasp push に失敗しました。', 'clasp push failed.');
}
console.log('\n✔ デプロイしました / Pushed to Apps Script');
