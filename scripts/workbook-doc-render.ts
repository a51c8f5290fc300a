import { SETTING_ROWS } from '../src/features/settings/settingsRows';
import type { ColumnKind } from '../src/sheets/columns';
import { WORKBOOK } from '../src/sheets/schema';

const KIND_LABEL: Record<ColumnKind, string> = {
  text: 'text',
  yen: 'yen (integer)',
  int: 'integer',
  number: 'number',
  date: 'date',
  datetime: 'date and time',
  percent: 'percent',
  choice: 'dropdown',
  link: 'link',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/workbook.md, generated from the schema so it cannot drift (a test compares them). */
export function renderWorkbookDoc(): string {
  const out: string[] = [
    '# The Pokke workbook',
    '',
    '<!-- Generated from src/sheets/schema.ts (scripts/workbook-doc-render.ts) by `npm run docs`; a test fails when this file is stale. -->',
    '',
    'Pokke keeps everything in the owner’s spreadsheet. `ワークブックを準備 / Set up workbook` creates the',
    'sheets below (and adds missing columns to existing ones without touching the owner’s own columns).',
    'Columns are found by header — the Japanese header or any English alias — so they may be reordered.',
    '',
  ];
  for (const sheet of WORKBOOK) {
    out.push(
      `## ${sheet.name}${sheet.aliases?.length ? ` (${sheet.aliases.join(', ')})` : ''}`,
      '',
    );
    out.push('| column | aliases | kind | values / notes |', '|---|---|---|---|');
    for (const c of sheet.columns) {
      const notes = [c.choices ? c.choices.join(' / ') : '', c.note?.en ?? '']
        .filter(Boolean)
        .join(' — ');
      out.push(
        `| ${cell(c.header)} | ${cell((c.aliases ?? []).join(', '))} | ${KIND_LABEL[c.kind]} | ${cell(notes)} |`,
      );
    }
    out.push('');
    if (sheet.name === '設定') {
      out.push('Rows of 設定 (one setting per row, found by キー):', '');
      out.push('| キー | 項目 | initial value | description |', '|---|---|---|---|');
      for (const r of SETTING_ROWS) {
        out.push(
          `| ${r.key} | ${cell(r.label)} | ${cell(r.initial)} | ${cell(r.description.en)} |`,
        );
      }
      out.push('');
    }
  }
  return out.join('\n');
}
