import { EXPENSE_ACCOUNTS, PAYMENT_METHODS } from '../core/expenses/accounts';
import { EXPENSE_STATUSES } from '../core/expenses/logRow';
import { PROPOSAL_STATUSES } from '../core/scheduling/proposal';
import { text } from '../core/text';
import type { ColumnSpec, SheetSpec } from './columns';

/**
 * The workbook's sheets. Pokke finds columns by header (Japanese or an English alias), so the
 * owner may reorder columns, add their own, or add notes. docs/workbook.md documents these.
 */

/** Where Pokke writes why a row could not be used (or what it did with it). */
const MESSAGE_COLUMN = {
  key: 'message',
  header: 'メッセージ',
  aliases: ['Message'],
  kind: 'text',
  width: 240,
} as const satisfies ColumnSpec;

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
      note: text('Pokkeが使う名前です。変更しないでください', 'Used by Pokke; do not change'),
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
      note: text(
        '例: 月末締め翌月末払い / 20日締め翌月10日払い / 納品後30日',
        'e.g. 月末締め翌月末払い (month end, paid end of next month), 20日締め翌月10日払い, 納品後30日',
      ),
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
      note: text(
        '取引先があなたの報酬から源泉徴収する場合は「する」',
        '"する" when this client withholds income tax from your fees',
      ),
    },
    {
      key: 'registrationNumber',
      header: '登録番号',
      aliases: ['Registration number'],
      kind: 'text',
      width: 140,
    },
    {
      key: 'payerKana',
      header: '振込名義カナ',
      aliases: ['Payer name (kana)'],
      kind: 'text',
      width: 200,
      note: text(
        '銀行の明細に出る振込依頼人名。複数あれば「、」か改行で区切ります。入金確認で名義を直すとPokkeが追記します',
        'The payer name as bank statements show it; several separated by 、 or line breaks. Pokke adds names you correct in 入金確認',
      ),
    },
    {
      key: 'usualFee',
      header: 'いつもの振込手数料',
      aliases: ['Usual transfer fee'],
      kind: 'yen',
      width: 110,
      note: text(
        '入金が振込手数料の分だけ少なかったとき、Pokkeが記録します',
        'Recorded by Pokke when a payment came short by a transfer fee',
      ),
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

const TAX_RATE_COLUMN = {
  key: 'taxRate',
  header: '税率',
  aliases: ['Tax rate'],
  kind: 'choice',
  choices: TAX_RATE_CHOICES,
  width: 70,
} as const satisfies ColumnSpec;

const TAX_MODE_COLUMN = {
  key: 'taxMode',
  header: '税込/税抜',
  aliases: ['Tax included'],
  kind: 'choice',
  choices: TAX_MODES,
  width: 80,
} as const satisfies ColumnSpec;

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
    TAX_RATE_COLUMN,
    TAX_MODE_COLUMN,
    {
      key: 'detail',
      header: '摘要',
      aliases: ['Details', 'Remarks'],
      kind: 'text',
      width: 160,
      note: text(
        '請求書の品目の下に表示します(取引先が読みます)',
        'Printed under the item on the invoice (the client reads it)',
      ),
    },
    {
      key: 'note',
      header: 'メモ',
      // 備考: the column's name before 摘要 and メモ were told apart; read as the owner's memo.
      aliases: ['備考', 'Memo', 'Note'],
      kind: 'text',
      width: 160,
      note: text(
        '自分用のメモです。請求書には表示しません',
        'Your own memo; never shown on an invoice',
      ),
    },
    {
      key: 'invoiceNumber',
      header: '請求書番号',
      aliases: ['Invoice number'],
      kind: 'text',
      width: 120,
      note: text(
        'Pokkeが発行時に記録します。「発行中:」付きは発行が途中で止まった印で、次の実行で確定します',
        'Recorded by Pokke when issuing; "発行中:" marks a run cut off while recording, settled by the next run',
      ),
    },
    {
      key: 'message',
      header: 'メッセージ',
      aliases: ['Message', 'Status'],
      kind: 'text',
      width: 240,
    },
    {
      key: 'recurringKey',
      header: '定期キー',
      aliases: ['Recurring key'],
      kind: 'text',
      width: 160,
      note: text(
        '定期請求から作られた行の印です。変更しないでください',
        'Marks lines made from a recurring invoice; do not change',
      ),
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
    MESSAGE_COLUMN,
    {
      key: 'paidDate',
      header: '入金日',
      aliases: ['Paid on'],
      kind: 'date',
      width: 100,
      note: text(
        '入金を確認したら日付を入れ、状態を入金済にします',
        'Enter the date the payment arrived and set 状態 to 入金済',
      ),
    },
    {
      key: 'paidAmount',
      header: '入金額',
      aliases: ['Amount paid'],
      kind: 'yen',
      width: 100,
      note: text(
        '入金確認で消し込んだ金額の合計(振込手数料・源泉徴収の差額を含む)',
        'What payments have settled so far (fee and withholding shortfalls included)',
      ),
    },
    {
      key: 'balance',
      header: '残高',
      aliases: ['Balance due'],
      kind: 'yen',
      width: 100,
      note: text(
        '一部入金のあとの未入金額。空欄なら請求額の全額が未入金です',
        'What is still due after a part payment; empty: the whole amount billed',
      ),
    },
    {
      key: 'reminderStep',
      header: '督促段階',
      aliases: ['Reminder step'],
      kind: 'int',
      width: 80,
      note: text(
        '送った督促の段階(1〜3)。Pokkeが記録します',
        'The reminder step drafted (1–3), recorded by Pokke',
      ),
    },
    {
      key: 'reminderDate',
      header: '督促日',
      aliases: ['Reminded on'],
      kind: 'date',
      width: 100,
    },
    {
      key: 'periodKey',
      header: '請求キー',
      aliases: ['Period key'],
      kind: 'text',
      width: 200,
      note: text(
        '同じ期間を二度請求しないためにPokkeが使います。変更しないでください',
        'Pokke uses this to never bill a period twice; do not change',
      ),
    },
  ],
} as const satisfies SheetSpec;

export const EXPENSES_SHEET = {
  name: '経費',
  aliases: ['Expenses'],
  color: '#fad2cf',
  columns: [
    { key: 'date', header: '日付', aliases: ['Date'], kind: 'date', width: 100 },
    {
      key: 'payee',
      header: '取引先',
      // 支払先: the column's name before the log took the 電帳法 word for it.
      aliases: ['支払先', 'Payee', 'Vendor'],
      kind: 'text',
      width: 180,
    },
    { key: 'amount', header: '金額(税込)', aliases: ['Amount'], kind: 'yen', width: 100 },
    TAX_RATE_COLUMN,
    {
      key: 'tax',
      header: '消費税',
      aliases: ['消費税額', 'Tax', 'Consumption tax'],
      kind: 'yen',
      width: 90,
      note: text(
        '空欄ならPokkeが金額と税率から計算して記入します',
        'Left blank, Pokke fills it in from the amount and the rate',
      ),
    },
    {
      key: 'account',
      header: '勘定科目',
      aliases: ['Account'],
      kind: 'choice',
      choices: EXPENSE_ACCOUNTS,
      width: 110,
      note: text(
        '空欄ならPokkeが科目を提案します(状態「科目提案」)',
        'Left blank, Pokke suggests an account (状態 科目提案)',
      ),
    },
    {
      key: 'paymentMethod',
      header: '支払方法',
      aliases: ['Payment method'],
      kind: 'choice',
      choices: PAYMENT_METHODS,
      width: 100,
    },
    {
      key: 'registrationNumber',
      header: '登録番号',
      aliases: ['Registration number'],
      kind: 'text',
      width: 140,
      note: text(
        '取引先の適格請求書発行事業者の登録番号(T+13桁)。ない場合は空欄か「なし」',
        "The payee's registration number (T + 13 digits); blank or なし when there is none",
      ),
    },
    {
      key: 'creditRate',
      header: '控除割合',
      aliases: ['Credit rate'],
      kind: 'text',
      width: 110,
      note: text(
        '仕入税額控除の割合。日付と登録番号からPokkeが記入します',
        'The input-tax credit rate, filled in by Pokke from the date and the registration number',
      ),
    },
    {
      key: 'memo',
      header: 'メモ',
      // 摘要: the column's name before.
      aliases: ['摘要', 'Memo', 'Note', 'Description'],
      kind: 'text',
      width: 220,
    },
    { key: 'receipt', header: '領収書', aliases: ['Receipt'], kind: 'link', width: 160 },
    {
      key: 'source',
      header: '取込元',
      aliases: ['Source'],
      kind: 'text',
      width: 160,
      note: text(
        'メールやファイルから記録した行の印です。同じものを二度記録しないために使います。変更しないでください',
        'Marks rows logged from a mail or a file, so the same one is never logged twice; do not change',
      ),
    },
    {
      key: 'status',
      header: '状態',
      aliases: ['Status'],
      kind: 'choice',
      choices: EXPENSE_STATUSES,
      width: 80,
      note: text(
        '要確認: メッセージを見て直してください / 科目提案: Pokkeの提案。よければ確認済に',
        '要確認: see the message / 科目提案: Pokke suggested the account; set 確認済 to accept it',
      ),
    },
    {
      key: 'suggested',
      header: '提案科目',
      aliases: ['Suggested account'],
      kind: 'text',
      width: 100,
      note: text(
        'Pokkeが提案した科目。勘定科目を選び直すか状態を確認済にすると確定します',
        'The account Pokke suggested; choosing another account or setting 確認済 accepts the row',
      ),
    },
    MESSAGE_COLUMN,
  ],
} as const satisfies SheetSpec;

export const STATEMENT_STATUSES = ['未照合', '照合済', '対象外'] as const;

export const STATEMENT_SHEET = {
  name: '入出金明細',
  aliases: ['Bank statement'],
  color: '#c8e6c9',
  columns: [
    { key: 'date', header: '日付', aliases: ['Date'], kind: 'date', width: 100 },
    {
      key: 'amount',
      header: '金額',
      aliases: ['Amount'],
      kind: 'yen',
      width: 110,
      note: text('入金はプラス、出金はマイナス', 'Money in is positive, money out negative'),
    },
    {
      key: 'description',
      header: '摘要',
      aliases: ['Description'],
      kind: 'text',
      width: 240,
    },
    {
      key: 'bankBalance',
      header: '残高',
      aliases: ['Balance'],
      kind: 'yen',
      width: 110,
    },
    {
      key: 'status',
      header: '状態',
      aliases: ['Status'],
      kind: 'choice',
      choices: STATEMENT_STATUSES,
      width: 80,
      note: text(
        '未照合: 入金確認で確認待ち / 照合済: 請求書に消し込み済み / 対象外: 請求書と関係のない入出金',
        '未照合: to confirm in 入金確認; 照合済: settled against invoices; 対象外: not an invoice payment',
      ),
    },
    {
      key: 'invoices',
      header: '消込先',
      aliases: ['Invoices settled'],
      kind: 'text',
      width: 180,
      note: text('この入金で消し込んだ請求書番号', 'The invoice numbers this payment settled'),
    },
    {
      key: 'fee',
      header: '振込手数料',
      aliases: ['Transfer fee'],
      kind: 'yen',
      width: 100,
      note: text(
        '入金が請求額より振込手数料の分だけ少なかった額(支払手数料)',
        'What the payment came short by a transfer fee (支払手数料)',
      ),
    },
    {
      key: 'lineKey',
      header: '明細キー',
      aliases: ['Line key'],
      kind: 'text',
      width: 220,
      note: text(
        '同じ明細を二度取り込まないためにPokkeが使います。変更しないでください',
        'Pokke uses this to never import a line twice; do not change',
      ),
    },
    MESSAGE_COLUMN,
  ],
} as const satisfies SheetSpec;

export const RECURRING_INTERVALS = ['1', '2', '3', '6', '12'] as const;

export const RECURRING_SHEET = {
  name: '定期請求',
  aliases: ['Recurring invoices'],
  color: '#e6d7f5',
  columns: [
    { key: 'client', header: '取引先', aliases: ['Client'], kind: 'text', width: 180 },
    { key: 'item', header: '品目', aliases: ['Item'], kind: 'text', width: 220 },
    { key: 'quantity', header: '数量', aliases: ['Quantity'], kind: 'number', width: 60 },
    { key: 'unit', header: '単位', aliases: ['Unit'], kind: 'text', width: 60 },
    { key: 'unitPrice', header: '単価', aliases: ['Unit price'], kind: 'yen', width: 100 },
    TAX_RATE_COLUMN,
    TAX_MODE_COLUMN,
    {
      key: 'interval',
      header: '間隔(月)',
      aliases: ['Every (months)'],
      kind: 'choice',
      choices: RECURRING_INTERVALS,
      width: 80,
    },
    {
      key: 'start',
      header: '開始月',
      aliases: ['Start month'],
      kind: 'text',
      width: 90,
      note: text('例: 2026-04', 'e.g. 2026-04'),
    },
    {
      key: 'end',
      header: '終了月',
      aliases: ['End month'],
      kind: 'text',
      width: 90,
      note: text('空欄なら終了なし', 'Empty: no end'),
    },
    {
      key: 'billingDay',
      header: '計上日',
      aliases: ['Billing day'],
      kind: 'text',
      width: 90,
      note: text('売上明細に載せる日。例: 末日 / 25日', 'The sales-line date, e.g. 末日 or 25日'),
    },
    {
      key: 'lastPeriod',
      header: '最終計上',
      aliases: ['Last billed'],
      kind: 'text',
      width: 100,
      note: text('Pokkeが記録します', 'Recorded by Pokke'),
    },
    MESSAGE_COLUMN,
  ],
} as const satisfies SheetSpec;

export const ROUTINE_METHODS = ['タスク', 'カレンダー'] as const;

export const ROUTINES_SHEET = {
  name: '定期業務',
  aliases: ['Routines'],
  color: '#d7f0f5',
  columns: [
    { key: 'name', header: '業務', aliases: ['Routine', 'Task'], kind: 'text', width: 200 },
    {
      key: 'rule',
      header: '頻度',
      aliases: ['Schedule', 'Rule'],
      kind: 'text',
      width: 200,
      note: text(
        '例: 毎月最終営業日 / 毎週月曜 / 毎月25日(休日の場合は前営業日) / 毎月第3営業日 / 毎年3月15日',
        'e.g. 毎月最終営業日 (last business day), 毎週月曜 (Mondays), 毎月25日(休日の場合は前営業日), 毎月第3営業日, 毎年3月15日',
      ),
    },
    {
      key: 'doneWhen',
      header: '完了の目安',
      aliases: ['Done when'],
      kind: 'text',
      width: 240,
    },
    {
      key: 'method',
      header: '方法',
      aliases: ['How'],
      kind: 'choice',
      choices: ROUTINE_METHODS,
      width: 90,
      note: text(
        'タスク: タスクシートに追加 / カレンダー: タスクに加えてGoogleカレンダーに予定を入れる',
        'Task, or task plus a calendar block',
      ),
    },
    {
      key: 'time',
      header: '時間',
      aliases: ['Time'],
      kind: 'text',
      width: 100,
      note: text(
        'カレンダーの時間。例: 10:00-11:00(空欄なら終日)',
        'Calendar block, e.g. 10:00-11:00 (empty: all day)',
      ),
    },
    {
      key: 'active',
      header: '有効',
      aliases: ['Active'],
      kind: 'choice',
      choices: YES_NO,
      width: 60,
    },
    {
      key: 'next',
      header: '次回',
      aliases: ['Next'],
      kind: 'date',
      width: 100,
      note: text('Pokkeが記録します', 'Recorded by Pokke'),
    },
    MESSAGE_COLUMN,
  ],
} as const satisfies SheetSpec;

export const TASK_STATUSES = ['未完了', '完了'] as const;

export const TASKS_SHEET = {
  name: 'タスク',
  aliases: ['Tasks'],
  color: '#fef7cd',
  columns: [
    { key: 'title', header: 'タイトル', aliases: ['Title'], kind: 'text', width: 260 },
    { key: 'due', header: '期限', aliases: ['Due'], kind: 'date', width: 100 },
    {
      key: 'status',
      header: '状態',
      aliases: ['Status'],
      kind: 'choice',
      choices: TASK_STATUSES,
      width: 80,
    },
    { key: 'notes', header: 'メモ', aliases: ['Notes'], kind: 'text', width: 260 },
    { key: 'source', header: '出典', aliases: ['Source'], kind: 'link', width: 200 },
    { key: 'createdAt', header: '作成日時', aliases: ['Created'], kind: 'datetime', width: 140 },
    {
      key: 'googleTaskId',
      header: 'GoogleタスクID',
      aliases: ['Google Task ID'],
      kind: 'text',
      width: 140,
    },
    {
      key: 'key',
      header: 'タスクキー',
      aliases: ['Task key'],
      kind: 'text',
      width: 200,
      note: text(
        '同じタスクを二度作らないためにPokkeが使います',
        'Pokke uses this to never create a task twice',
      ),
    },
    {
      key: 'listId',
      header: 'GoogleリストID',
      aliases: ['Google Tasks list ID'],
      kind: 'text',
      width: 140,
      note: text(
        'Googleタスクのリスト。同期はここから読みます(誰が実行しても同じ)',
        'The Google Tasks list; the sync reads it from here, whoever runs it',
      ),
    },
  ],
} as const satisfies SheetSpec;

export const PAYABLE_ACCOUNT_TYPES = ['普通', '当座', '貯蓄'] as const;
/**
 * 未払: to pay (a transfer file picks it up); 振込データ作成済: in a transfer file (never picked up
 * again until the owner sets it back to 未払); 支払済: the owner saw the money leave.
 */
export const PAYABLE_STATUSES = ['未払', '振込データ作成済', '支払済'] as const;

export const PAYABLES_SHEET = {
  name: '支払予定',
  aliases: ['Payables'],
  color: '#fde7d9',
  columns: [
    { key: 'payee', header: '支払先', aliases: ['Payee'], kind: 'text', width: 180 },
    {
      key: 'bankCode',
      header: '銀行コード',
      aliases: ['Bank code'],
      kind: 'text',
      width: 80,
      note: text('4桁の金融機関コード(例: 0001)', 'The 4-digit bank code (e.g. 0001)'),
    },
    {
      key: 'branchCode',
      header: '支店コード',
      aliases: ['Branch code'],
      kind: 'text',
      width: 80,
      note: text('3桁の支店コード(例: 001)', 'The 3-digit branch code (e.g. 001)'),
    },
    {
      key: 'accountType',
      header: '預金種目',
      aliases: ['Account type'],
      kind: 'choice',
      choices: PAYABLE_ACCOUNT_TYPES,
      width: 70,
    },
    {
      key: 'accountNumber',
      header: '口座番号',
      aliases: ['Account number'],
      kind: 'text',
      width: 90,
    },
    {
      key: 'holder',
      header: '口座名義(カナ)',
      aliases: ['Account holder'],
      kind: 'text',
      width: 180,
      note: text('通帳どおりのカナで(例: ヤマダ ハナコ)', 'In kana as in the passbook'),
    },
    { key: 'amount', header: '支払額', aliases: ['Amount'], kind: 'yen', width: 100 },
    {
      key: 'withholding',
      header: '源泉徴収',
      aliases: ['Withholding'],
      kind: 'choice',
      choices: YES_NO,
      width: 80,
      note: text(
        '個人への報酬・料金で源泉徴収する場合は「する」。支払額から差し引いて振り込みます',
        '"する" for fees to individuals subject to withholding: it is deducted from the transfer',
      ),
    },
    { key: 'dueDate', header: '支払期日', aliases: ['Due date'], kind: 'date', width: 100 },
    {
      key: 'status',
      header: '状態',
      aliases: ['Status'],
      kind: 'choice',
      choices: PAYABLE_STATUSES,
      width: 120,
      note: text(
        '未払の行が振込データになります。作成済みの行を未払に戻すと、もう一度振込データに入ります',
        'Rows 未払 go into the transfer file; set a row back to 未払 to pay it again',
      ),
    },
    {
      key: 'transferDate',
      header: '振込日',
      aliases: ['Transfer date'],
      kind: 'date',
      width: 100,
      note: text('Pokkeが記録します', 'Recorded by Pokke'),
    },
    {
      key: 'withheld',
      header: '源泉徴収税額',
      aliases: ['Withheld'],
      kind: 'yen',
      width: 100,
      note: text('Pokkeが記録します', 'Recorded by Pokke'),
    },
    {
      key: 'transferAmount',
      header: '振込額',
      aliases: ['Transferred'],
      kind: 'yen',
      width: 100,
      note: text('Pokkeが記録します', 'Recorded by Pokke'),
    },
    {
      key: 'file',
      header: '振込ファイル',
      aliases: ['Transfer file'],
      kind: 'text',
      width: 200,
      note: text(
        '同じ支払を二度振り込まないためにPokkeが使います。変更しないでください',
        'Pokke uses this to never pay a row twice; do not change',
      ),
    },
    MESSAGE_COLUMN,
  ],
} as const satisfies SheetSpec;

export const SUMMARY_SHEET = {
  name: '月次集計',
  aliases: ['Monthly summary'],
  color: '#e8f0fe',
  columns: [
    { key: 'month', header: '月', aliases: ['Month'], kind: 'text', width: 90 },
    { key: 'section', header: '区分', aliases: ['Section'], kind: 'text', width: 120 },
    {
      key: 'item',
      header: '項目',
      aliases: ['Item'],
      kind: 'text',
      width: 200,
      note: text(
        '区分「通知」の行は集計メールの状況です: メール未送信 → メール送信中 → メール送信',
        'For 通知 rows, the summary mail: not sent → sending → sent',
      ),
    },
    { key: 'amount', header: '金額', aliases: ['Amount'], kind: 'yen', width: 120 },
    { key: 'count', header: '件数', aliases: ['Count'], kind: 'int', width: 60 },
    { key: 'createdAt', header: '作成日時', aliases: ['Created'], kind: 'datetime', width: 140 },
  ],
} as const satisfies SheetSpec;

export const MEETING_FORMATS = ['オンライン', '対面', '電話'] as const;

/** One row per proposal of meeting times (日程調整), from the mail that asked. */
export const SCHEDULING_SHEET = {
  name: '日程調整',
  aliases: ['Scheduling'],
  color: '#e6f4ea',
  columns: [
    { key: 'counterpart', header: '相手', aliases: ['Counterpart'], kind: 'text', width: 160 },
    { key: 'email', header: '相手メール', aliases: ['Email'], kind: 'text', width: 200 },
    { key: 'mail', header: 'メール', aliases: ['Mail'], kind: 'link', width: 200 },
    {
      key: 'offered',
      header: '候補日時',
      aliases: ['Offered times'],
      kind: 'text',
      width: 200,
      note: text(
        '提案した候補(1行に1つ、日本時間)。例: 2026/11/30 14:00-15:00',
        'The times offered, one per line (Japan time), e.g. 2026/11/30 14:00-15:00',
      ),
    },
    {
      key: 'status',
      header: '状態',
      aliases: ['Status'],
      kind: 'choice',
      choices: PROPOSAL_STATUSES,
      width: 90,
    },
    { key: 'replyBy', header: '返信期限', aliases: ['Reply by'], kind: 'date', width: 100 },
    { key: 'lengthMinutes', header: '所要時間(分)', aliases: ['Length'], kind: 'int', width: 90 },
    {
      key: 'format',
      header: '形式',
      aliases: ['Format'],
      kind: 'choice',
      choices: MEETING_FORMATS,
      width: 90,
    },
    {
      key: 'where',
      header: '場所・URL',
      aliases: ['Place or URL'],
      kind: 'text',
      width: 200,
    },
    { key: 'confirmed', header: '確定日時', aliases: ['Confirmed'], kind: 'text', width: 160 },
    {
      key: 'holds',
      header: '仮押さえID',
      aliases: ['Hold event IDs'],
      kind: 'text',
      width: 160,
      note: text(
        '仮押さえの予定(候補と同じ順)。Pokkeが使います',
        'The hold events, in the order of the offered times; used by Pokke',
      ),
    },
    {
      key: 'meetingId',
      header: '予定ID',
      aliases: ['Meeting event ID'],
      kind: 'text',
      width: 140,
    },
    {
      key: 'key',
      header: '調整キー',
      aliases: ['Proposal key'],
      kind: 'text',
      width: 200,
      note: text(
        '同じメールから二重に提案しないためにPokkeが使います',
        'Pokke uses this to never propose twice from one mail',
      ),
    },
    { key: 'createdAt', header: '作成日時', aliases: ['Created'], kind: 'datetime', width: 140 },
    MESSAGE_COLUMN,
  ],
} as const satisfies SheetSpec;

export const RUN_LOG_SHEET = {
  name: '実行ログ',
  aliases: ['Run log'],
  color: '#f1f3f4',
  columns: [
    { key: 'startedAt', header: '開始', aliases: ['Started'], kind: 'datetime', width: 140 },
    { key: 'finishedAt', header: '終了', aliases: ['Finished'], kind: 'datetime', width: 140 },
    { key: 'day', header: '対象日', aliases: ['Day'], kind: 'date', width: 100 },
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
  EXPENSES_SHEET,
  STATEMENT_SHEET,
  RECURRING_SHEET,
  PAYABLES_SHEET,
  ROUTINES_SHEET,
  TASKS_SHEET,
  SCHEDULING_SHEET,
  SUMMARY_SHEET,
  RUN_LOG_SHEET,
];
