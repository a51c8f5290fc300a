/**
 * The Gmail card on a receipt or invoice mail: the expense read from it (editable), the account
 * Pokke suggests, and a button to log it; or, once logged, the row and the kept file.
 */
import { EXPENSE_ACCOUNTS, PAYMENT_METHODS } from '../../core/expenses/accounts';
import { cardText, clip, pickerValue, workbookUrl } from '../../core/mailTask';
import { formatYen } from '../../core/money';
import { formatTaxRate, TAX_RATES, type TaxRate } from '../../core/tax';
import { inLang, type Lang, sayIn } from '../../core/text';
import type { LoggedReceipt, ReceiptCardData } from '../../features/expenses/receiptMail';
import { ADDON_NAME, actionButton, header, linkButton, note, section, textOf } from './cardKit';
import { connectSection } from './mailTaskCard';

type Card = GoogleAppsScript.Card_Service.Card;

export const EXPENSE_FIELDS = {
  date: 'expenseDate',
  payee: 'expensePayee',
  amount: 'expenseAmount',
  taxRate: 'expenseTaxRate',
  reduced: 'expenseReduced',
  account: 'expenseAccount',
  paymentMethod: 'expensePaymentMethod',
  registrationNumber: 'expenseRegistrationNumber',
  memo: 'expenseMemo',
} as const;

export const EXPENSE_ACTIONS = {
  log: 'expenseLogFromCard',
  task: 'expenseTaskFromCard',
} as const;

/** The tax rate's value in the dropdown (`10`, `8`, `0`, `exempt`). */
export const rateValue = (rate: TaxRate): string => String(rate);

function title(lang: Lang): string {
  return sayIn(lang)('経費として記録', 'Log as an expense');
}

function newReceiptCard(data: Extract<ReceiptCardData, { kind: 'new' }>, lang: Lang): Card {
  const t = sayIn(lang);
  const p = data.prefill;
  const card = CardService.newCardBuilder()
    .setName('pokke-expense')
    .setHeader(header(title(lang), ADDON_NAME));

  const read = section(t('読み取り結果', 'What Pokke read'));
  read.addWidget(
    textOf(
      data.keep.kind === 'mail'
        ? t('メール本文から読み取りました', 'Read from the mail')
        : `${t('添付から読み取りました', 'Read from the attachment')}: ${data.keep.name}`,
    ),
  );
  if (data.fileProblem) read.addWidget(textOf(`⚠ ${inLang(data.fileProblem, lang)}`));
  if (data.blocked) read.addWidget(textOf(`⚠ ${inLang(data.blocked, lang)}`));
  for (const n of p.notes) read.addWidget(textOf(`⚠ ${inLang(n, lang)}`));
  card.addSection(read);

  const fields = section(t('経費', 'Expense'));
  const date = CardService.newDatePicker()
    .setFieldName(EXPENSE_FIELDS.date)
    .setTitle(t('日付', 'Date'));
  fields.addWidget(p.date ? date.setValueInMsSinceEpoch(pickerValue(p.date)) : date);
  fields.addWidget(input(EXPENSE_FIELDS.payee, t('取引先', 'Payee'), p.payee ?? ''));
  fields.addWidget(
    input(
      EXPENSE_FIELDS.amount,
      t('金額(税込・円)', 'Amount (tax included, yen)'),
      p.amount === undefined ? '' : formatYen(p.amount),
    ),
  );
  const rates = dropdown(EXPENSE_FIELDS.taxRate, t('税率', 'Tax rate'));
  const rate = p.taxRate ?? 10;
  for (const r of TAX_RATES) rates.addItem(formatTaxRate(r), rateValue(r), r === rate);
  fields.addWidget(rates);
  if (p.reduced) {
    fields.addWidget(
      input(
        EXPENSE_FIELDS.reduced,
        t('うち8%対象(税込・円)', 'Of which at 8% (tax included, yen)'),
        formatYen(p.reduced.amount),
      ),
    );
    fields.addWidget(
      note(
        t(
          '10%と8%の品目があるため、税率ごとに2行で記録します',
          'The receipt mixes 10% and 8%: Pokke logs one row per rate',
        ),
      ),
    );
  }
  const accounts = dropdown(EXPENSE_FIELDS.account, t('勘定科目', 'Account'));
  const suggested = p.suggestion?.account;
  accounts.addItem(t('(提案に任せる)', '(let Pokke suggest)'), '', suggested === undefined);
  for (const a of EXPENSE_ACCOUNTS) accounts.addItem(a, a, a === suggested);
  fields.addWidget(accounts);
  if (p.suggestion) {
    fields.addWidget(
      textOf(
        `${t('提案', 'Suggested')}: ${p.suggestion.account} (${inLang(p.suggestion.reason, lang)})`,
      ),
    );
  }
  const methods = dropdown(EXPENSE_FIELDS.paymentMethod, t('支払方法', 'Payment method'));
  methods.addItem(t('(未選択)', '(none)'), '', p.paymentMethod === undefined);
  for (const m of PAYMENT_METHODS) methods.addItem(m, m, m === p.paymentMethod);
  fields.addWidget(methods);
  fields.addWidget(
    input(
      EXPENSE_FIELDS.registrationNumber,
      t('登録番号(T番号)', 'Registration number (T…)'),
      p.registrationNumber ?? '',
    ).setHint(t('なければ空欄', 'Leave empty when there is none')),
  );
  fields.addWidget(input(EXPENSE_FIELDS.memo, t('メモ', 'Memo'), p.memo).setMultiline(true));
  card.addSection(fields);

  const act = section();
  if (!data.workbookId) {
    act.addWidget(
      note(
        t(
          '<b>記録先がありません</b>: 下でワークブックを接続してください',
          '<b>Nowhere to log it</b>: connect the workbook below',
        ),
      ),
    );
  } else if (!data.blocked) {
    act.addWidget(
      note(
        t(
          `記録すると ${data.keep.kind === 'mail' ? 'メール(.eml)' : '添付ファイル'} を Drive の Pokke/経費/年/月 に保存し、経費シートに行を追加します`,
          `Logging keeps the ${data.keep.kind === 'mail' ? 'mail (.eml)' : 'attachment'} in Drive (Pokke/経費/year/month) and adds a row to the 経費 sheet`,
        ),
      ),
    );
  }
  const buttons = CardService.newButtonSet();
  if (data.workbookId && !data.blocked) {
    buttons.addButton(
      actionButton(
        t('経費に記録', 'Log expense'),
        EXPENSE_ACTIONS.log,
        { messageId: data.messageId },
        true,
      ),
    );
  }
  buttons.addButton(
    actionButton(t('タスクにする', 'Make a task instead'), EXPENSE_ACTIONS.task, {
      messageId: data.messageId,
    }),
  );
  act.addWidget(buttons);
  card.addSection(act);
  if (!data.workbookId) card.addSection(connectSection(lang, data.messageId));
  return card.build();
}

function input(
  name: string,
  label: string,
  value: string,
): GoogleAppsScript.Card_Service.TextInput {
  return CardService.newTextInput().setFieldName(name).setTitle(label).setValue(value);
}

function dropdown(name: string, label: string): GoogleAppsScript.Card_Service.SelectionInput {
  return CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(name)
    .setTitle(label);
}

/** The mail's row in the log: shown instead of offering to log it again. */
export function loggedReceiptCard(
  logged: LoggedReceipt,
  justLogged: boolean,
  lang: Lang,
  fileName = '',
): Card {
  const t = sayIn(lang);
  const s = section().addWidget(
    note(
      justLogged
        ? t('<b>経費に記録しました</b>', '<b>Logged as an expense</b>')
        : t(
            '<b>このメールは経費に記録済みです</b>(重複して記録しません)',
            '<b>This mail is already in the expense log</b> (Pokke will not log it twice)',
          ),
    ),
  );
  const line = (label: string, value: string) =>
    s.addWidget(
      CardService.newDecoratedText().setTopLabel(label).setText(textValue(value)).setWrapText(true),
    );
  line(t('日付', 'Date'), logged.date.replace(/-/g, '/'));
  line(t('取引先', 'Payee'), logged.payee);
  line(
    t('金額(税込)', 'Amount (tax included)'),
    /^\d+$/.test(logged.amount) ? `${formatYen(Number(logged.amount))}円` : logged.amount,
  );
  if (logged.account) line(t('勘定科目', 'Account'), logged.account);
  if (fileName) line(t('保存したファイル', 'File kept'), fileName);
  const buttons = CardService.newButtonSet().addButton(
    linkButton(
      t('シートの行を開く', 'Open the sheet row'),
      workbookUrl(logged.workbookId, { sheetId: logged.sheetId, row: logged.row }),
    ),
  );
  if (/^https:\/\//.test(logged.receipt))
    buttons.addButton(
      linkButton(t('領収書ファイルを開く', 'Open the receipt file'), logged.receipt),
    );
  s.addWidget(buttons);
  return CardService.newCardBuilder()
    .setName('pokke-expense-logged')
    .setHeader(header(title(lang), ADDON_NAME))
    .addSection(s)
    .build();
}

/** Cell or mail text on a DecoratedText: escaped (CardService reads a subset of HTML). */
function textValue(value: string): string {
  return cardText(clip(value, 300)) || ' ';
}

export function receiptCard(data: ReceiptCardData, lang: Lang): Card {
  if (data.kind === 'logged') return loggedReceiptCard(data.logged, false, lang);
  return newReceiptCard(data, lang);
}
