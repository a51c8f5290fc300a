import type { SheetSpec } from './columns';

/**
 * The workbook's sheets. Pokke finds columns by header (Japanese or an English alias), so the
 * owner may reorder columns, add their own, or add notes. docs/workbook.md documents these.
 */

export const SETTINGS_SHEET = {
  name: '設定',
  aliases: ['Settings'],
  color: '#e8eaed',
  columns: [
    {
      key: 'key',
      header: 'キー',
      aliases: ['Key'],
      kind: 'text',
      width: 160,
      note: 'Pokkeが使う名前です。変更しないでください / Used by Pokke; do not change',
    },
    { key: 'label', header: '項目', aliases: ['Item'], kind: 'text', width: 180 },
    { key: 'value', header: '値', aliases: ['Value'], kind: 'text', width: 280 },
    { key: 'description', header: '説明', aliases: ['Description'], kind: 'text', width: 320 },
  ],
} as const satisfies SheetSpec;

export const HONORIFICS = ['御中', '様'] as const;
export const HOLIDAY_RULES = ['翌営業日', '前営業日'] as const;
export const LANGUAGES = ['ja', 'en'] as const;
export const YES_NO = ['する', 'しない'] as const;

export const CLIENTS_SHEET = {
  name: '取引先',
  aliases: ['Clients'],
  color: '#d2e3fc',
  columns: [
    { key: 'name', header: '取引先名', aliases: ['Client', 'Name'], kind: 'text', width: 200 },
    {
      key: 'honorific',
      header: '敬称',
      aliases: ['Honorific'],
      kind: 'choice',
      choices: HONORIFICS,
      width: 60,
    },
    { key: 'postalCode', header: '郵便番号', aliases: ['Postal code'], kind: 'text', width: 90 },
    { key: 'address', header: '住所', aliases: ['Address'], kind: 'text', width: 240 },
    { key: 'contact', header: '担当者', aliases: ['Contact'], kind: 'text', width: 120 },
    { key: 'email', header: 'メール', aliases: ['Email', 'Mail'], kind: 'text', width: 200 },
    {
      key: 'terms',
      header: '支払条件',
      aliases: ['Payment terms', 'Terms'],
      kind: 'text',
      width: 180,
      note: '例: 月末締め翌月末払い / 20日締め翌月10日払い / 納品後30日',
    },
    {
      key: 'holidayRule',
      header: '休日の扱い',
      aliases: ['Holiday rule'],
      kind: 'choice',
      choices: HOLIDAY_RULES,
      width: 100,
    },
    {
      key: 'language',
      header: '言語',
      aliases: ['Language'],
      kind: 'choice',
      choices: LANGUAGES,
      width: 60,
    },
    {
      key: 'withholding',
      header: '源泉徴収',
      aliases: ['Withholding'],
      kind: 'choice',
      choices: YES_NO,
      width: 80,
      note: '取引先があなたの報酬から源泉徴収する場合は「する」 / "する" when this client withholds income tax from your fees',
    },
    {
      key: 'registrationNumber',
      header: '登録番号',
      aliases: ['Registration number'],
      kind: 'text',
      width: 140,
    },
    {
      key: 'message',
      header: 'メッセージ',
      aliases: ['Message', 'Status'],
      kind: 'text',
      width: 240,
    },
  ],
} as const satisfies SheetSpec;

export const TAX_RATE_CHOICES = ['10%', '8%', '0%', '非課税'] as const;
export const TAX_MODES = ['税抜', '税込'] as const;

export const SALES_SHEET = {
  name: '売上明細',
  aliases: ['Sales', 'Sales lines'],
  color: '#ceead6',
  columns: [
    { key: 'date', header: '日付', aliases: ['Date'], kind: 'date', width: 100 },
    { key: 'client', header: '取引先', aliases: ['Client'], kind: 'text', width: 180 },
    { key: 'item', header: '品目', aliases: ['Item', 'Description'], kind: 'text', width: 220 },
    { key: 'quantity', header: '数量', aliases: ['Quantity', 'Qty'], kind: 'number', width: 60 },
    { key: 'unit', header: '単位', aliases: ['Unit'], kind: 'text', width: 60 },
    { key: 'unitPrice', header: '単価', aliases: ['Unit price', 'Price'], kind: 'yen', width: 100 },
    {
      key: 'taxRate',
      header: '税率',
      aliases: ['Tax rate'],
      kind: 'choice',
      choices: TAX_RATE_CHOICES,
      width: 70,
    },
    {
      key: 'taxMode',
      header: '税込/税抜',
      aliases: ['Tax included'],
      kind: 'choice',
      choices: TAX_MODES,
      width: 80,
    },
    { key: 'note', header: '備考', aliases: ['Note'], kind: 'text', width: 160 },
    {
      key: 'invoiceNumber',
      header: '請求書番号',
      aliases: ['Invoice number'],
      kind: 'text',
      width: 120,
    },
    {
      key: 'message',
      header: 'メッセージ',
      aliases: ['Message', 'Status'],
      kind: 'text',
      width: 240,
    },
  ],
} as const satisfies SheetSpec;

export const INVOICE_STATUSES = ['下書き', '送付済', '入金済', '取消'] as const;

export const INVOICES_SHEET = {
  name: '請求書',
  aliases: ['Invoices'],
  color: '#fce8b2',
  columns: [
    {
      key: 'number',
      header: '請求書番号',
      aliases: ['Invoice number', 'Number'],
      kind: 'text',
      width: 120,
    },
    { key: 'client', header: '取引先', aliases: ['Client'], kind: 'text', width: 180 },
    { key: 'issueDate', header: '発行日', aliases: ['Issue date'], kind: 'date', width: 100 },
    {
      key: 'periodStart',
      header: '対象期間(開始)',
      aliases: ['Period start'],
      kind: 'date',
      width: 110,
    },
    {
      key: 'periodEnd',
      header: '対象期間(終了)',
      aliases: ['Period end'],
      kind: 'date',
      width: 110,
    },
    { key: 'dueDate', header: '支払期限', aliases: ['Due date'], kind: 'date', width: 100 },
    { key: 'base10', header: '10%対象(税抜)', aliases: ['10% base'], kind: 'yen', width: 110 },
    { key: 'tax10', header: '10%消費税', aliases: ['10% tax'], kind: 'yen', width: 100 },
    { key: 'base8', header: '8%対象(税抜)', aliases: ['8% base'], kind: 'yen', width: 110 },
    { key: 'tax8', header: '8%消費税', aliases: ['8% tax'], kind: 'yen', width: 100 },
    { key: 'base0', header: '0%・非課税', aliases: ['0% / exempt'], kind: 'yen', width: 100 },
    { key: 'total', header: '合計(税込)', aliases: ['Total'], kind: 'yen', width: 110 },
    {
      key: 'withholding',
      header: '源泉徴収税額',
      aliases: ['Withholding'],
      kind: 'yen',
      width: 110,
    },
    { key: 'billed', header: '請求額', aliases: ['Amount billed'], kind: 'yen', width: 110 },
    {
      key: 'status',
      header: '状態',
      aliases: ['Status'],
      kind: 'choice',
      choices: INVOICE_STATUSES,
      width: 80,
    },
    { key: 'pdf', header: 'PDF', aliases: ['PDF link'], kind: 'link', width: 160 },
    { key: 'draft', header: '下書き', aliases: ['Draft'], kind: 'link', width: 160 },
    { key: 'message', header: 'メッセージ', aliases: ['Message'], kind: 'text', width: 240 },
    {
      key: 'periodKey',
      header: '請求キー',
      aliases: ['Period key'],
      kind: 'text',
      width: 200,
      note: '同じ期間を二度請求しないためにPokkeが使います。変更しないでください / Pokke uses this to never bill a period twice; do not change',
    },
  ],
} as const satisfies SheetSpec;

export const RUN_LOG_SHEET = {
  name: '実行ログ',
  aliases: ['Run log'],
  color: '#f1f3f4',
  columns: [
    { key: 'startedAt', header: '開始', aliases: ['Started'], kind: 'datetime', width: 140 },
    { key: 'finishedAt', header: '終了', aliases: ['Finished'], kind: 'datetime', width: 140 },
    { key: 'job', header: '処理', aliases: ['Job'], kind: 'text', width: 140 },
    { key: 'result', header: '結果', aliases: ['Result'], kind: 'text', width: 80 },
    { key: 'count', header: '件数', aliases: ['Count'], kind: 'int', width: 60 },
    { key: 'message', header: 'メッセージ', aliases: ['Message'], kind: 'text', width: 360 },
  ],
} as const satisfies SheetSpec;

/** Every sheet `setupWorkbook` creates, in tab order. */
export const WORKBOOK: readonly SheetSpec[] = [
  SETTINGS_SHEET,
  CLIENTS_SHEET,
  SALES_SHEET,
  INVOICES_SHEET,
  RUN_LOG_SHEET,
];
