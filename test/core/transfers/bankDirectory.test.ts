/**
 * scripts/build-zengin-data.mjs on a tiny hand-made copy of the zengin-code data (both of the
 * shapes it reads), and the lookup on what it writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BankDirectoryData,
  lookupBank,
  lookupBranch,
} from '../../../src/core/transfers/bankDirectory';

const SCRIPT = resolve(__dirname, '../../../scripts/build-zengin-data.mjs');

const entry = (code: string, name: string, kana: string, hira: string, roma: string) => ({
  code,
  name,
  kana,
  hira,
  roma,
});
const BANKS = {
  '0001': entry('0001', 'みずほ', 'ミズホ', 'みずほ', 'mizuho'),
  '0005': entry(
    '0005',
    '三菱ＵＦＪ',
    'ミツビシユ－エフジエイ',
    'みつびしゆ－えふじえい',
    'mitsubishiyu-efujiei',
  ),
  '0397': entry(
    '0397',
    'ＳＢＩ新生',
    'エスビ－アイシンセイ',
    'えすび－あいしんせい',
    'esubi-aishinsei',
  ),
};
const BRANCHES: Record<string, Record<string, ReturnType<typeof entry>>> = {
  '0001': {
    '001': entry('001', '東京営業部', 'トウキヨウ', 'とうきよう', 'toukiyou'),
    '004': entry(
      '004',
      '丸の内中央',
      'マルノウチチユウオウ',
      'まるのうちちゆうおう',
      'marunouchichiyuuou',
    ),
  },
  '0005': { '001': entry('001', '本店', 'ホンテン', 'ほんてん', 'honten') },
  '0397': {},
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'zengin-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(source: string, out: string) {
  const result = spawnSync(process.execPath, [SCRIPT, source, out], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return {
    data: JSON.parse(readFileSync(out, 'utf8')) as BankDirectoryData,
    stdout: result.stdout,
  };
}

/** The shape of zengin-code/source-data: data/banks.json, data/branches/<code>.json. */
function sourceData(): string {
  const dir = join(work, 'data');
  mkdirSync(join(dir, 'branches'), { recursive: true });
  writeFileSync(join(dir, 'banks.json'), JSON.stringify(BANKS, null, 2));
  for (const [code, branches] of Object.entries(BRANCHES)) {
    writeFileSync(join(dir, 'branches', `${code}.json`), JSON.stringify(branches, null, 2));
  }
  writeFileSync(join(dir, 'updated_at'), '20260525\n');
  return dir;
}

/** The shape of the npm package: lib/zengin-data.js exports every bank with its branches. */
function npmPackage(): string {
  const dir = join(work, 'zengin-code');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  const banks = Object.fromEntries(
    Object.entries(BANKS).map(([code, bank]) => [code, { ...bank, branches: BRANCHES[code] }]),
  );
  writeFileSync(join(dir, 'lib', 'zengin-data.js'), `module.exports = ${JSON.stringify(banks)};\n`);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'zengin-code', version: '1.0.0-p20260824' }),
  );
  return dir;
}

describe('scripts/build-zengin-data.mjs', () => {
  test('writes the compact form from source-data, and tells the sizes', () => {
    const { data, stdout } = run(sourceData(), join(work, 'a.json'));
    expect(data).toEqual({
      updatedAt: '20260525',
      banks: {
        '0001': 'ミズホ\tみずほ\n001トウキヨウ\t東京営業部\n004マルノウチチユウオウ\t丸の内中央',
        '0005': 'ミツビシユ－エフジエイ\t三菱ＵＦＪ\n001ホンテン\t本店',
        '0397': 'エスビ－アイシンセイ\tＳＢＩ新生',
      },
    });
    expect(stdout).toMatch(/3 banks, 3 branches \(data of 20260525\)/);
    expect(stdout).toMatch(/compact \d+ KB, gzipped \d+ KB/);
  });

  test('reads the installed package the same way, its date from the version', () => {
    const fromPackage = run(npmPackage(), join(work, 'b.json')).data;
    const fromSource = run(sourceData(), join(work, 'c.json')).data;
    expect(fromPackage).toEqual({ ...fromSource, updatedAt: '20260824' });
  });
});

describe('lookupBranch', () => {
  let data: BankDirectoryData;
  beforeAll(() => {
    data = run(sourceData(), join(work, 'd.json')).data;
  });

  test('finds the bank and the branch, with their names to confirm', () => {
    expect(lookupBranch(data, '0001', '004')).toEqual({
      ok: true,
      bank: { code: '0001', name: 'みずほ', kana: 'ミズホ' },
      branch: { code: '004', name: '丸の内中央', kana: 'マルノウチチユウオウ' },
    });
    expect(lookupBranch(data, '0005', '001')).toMatchObject({
      ok: true,
      branch: { name: '本店', kana: 'ホンテン' },
    });
  });

  test('an unknown bank', () => {
    expect(lookupBranch(data, '9999', '001')).toEqual({
      ok: false,
      message: { ja: '銀行コード9999の金融機関はありません', en: 'No bank has the code 9999' },
    });
    expect(lookupBank(data, 'toString')).toBeNull();
  });

  test('a branch the bank does not have, or a malformed code', () => {
    expect(lookupBranch(data, '0001', '002')).toEqual({
      ok: false,
      message: {
        ja: 'みずほ(0001)に支店コード002の支店はありません',
        en: 'みずほ (0001) has no branch with the code 002',
      },
    });
    expect(lookupBranch(data, '0397', '001').ok).toBe(false);
    expect(lookupBranch(data, '0001', '00').ok).toBe(false);
  });
});
