import type { SettingsForm } from '../../../src/core/contracts/settings';
import { dateKey } from '../../../src/core/dates';
import { DEFAULT_NUMBER_PATTERN, nextNumbers } from '../../../src/core/invoice/numbering';
import { text } from '../../../src/core/text';
import {
  checkSettingField,
  MAX_INVOICE_NOTE,
  validateSettings,
} from '../../../src/features/settings/settingsFields';
import { SETTING_ROWS } from '../../../src/features/settings/settingsRows';
import { settingsFormSchema } from '../../../src/features/settings/settingsSchema';
import { BLANK_SETTINGS_FORM } from '../../fixtures/settings';
import { expectSeparateLanguages } from '../../fixtures/text';

/** A valid form: a fresh 設定 sheet with a company name. */
const FORM: SettingsForm = { ...BLANK_SETTINGS_FORM, companyName: 'ぽっけ商店' };

describe('請求書番号の形式 (invoiceNumberPattern)', () => {
  it('accepts the default and other patterns with one {SEQn}, folding full-width input', () => {
    expect(checkSettingField('invoiceNumberPattern', '{YYYY}-{MM}-{SEQ4}')).toEqual({
      value: '{YYYY}-{MM}-{SEQ4}',
    });
    expect(checkSettingField('invoiceNumberPattern', ' ＩＮＶ－{YY}{MM}－{SEQ3} ').value).toBe(
      'INV-{YY}{MM}-{SEQ3}',
    );
    expect(checkSettingField('invoiceNumberPattern', 'No.{SEQ}').issue).toBeUndefined();
  });

  it('an empty field means the default pattern', () => {
    expect(checkSettingField('invoiceNumberPattern', '  ')).toEqual({
      value: DEFAULT_NUMBER_PATTERN,
    });
  });

  it.each([
    ['{YYYY}-{MM}', /連番/, /exactly one sequence/],
    ['{YYYY}-{SEQ4}-{SEQ2}', /ちょうど1つ/, /exactly one sequence/],
    ['{YYYY}-{MONTH}-{SEQ4}', /「\{MONTH\}」は使えません/, /"\{MONTH\}" is unknown/],
    ['{YYYY}/{MM}:{SEQ4}', /「:」は使えません/, /":" is not allowed/],
    ['請求{SEQ4}', /「請」は使えません/, /"請" is not allowed/],
    ['{YYYY} {SEQ4}', /「 」は使えません/, /" " is not allowed/],
    ['{YYYY}-{MM-{SEQ4}', /使えません|閉じていません/, /unknown|not allowed|not closed/],
    ['{MM}-{SEQ4}', /\{YYYY\} か \{YY\}/, /\{YYYY\} or \{YY\}/],
  ])('refuses %s with an error in each language', (pattern, ja, en) => {
    const { issue } = checkSettingField('invoiceNumberPattern', pattern);
    expect(issue?.severity).toBe('error');
    expectSeparateLanguages(issue?.message);
    // Each language names the field in its own words.
    expect(issue?.message.ja).toMatch(/^請求書番号の形式: /);
    expect(issue?.message.ja).toMatch(ja);
    expect(issue?.message.en).toMatch(/^Invoice number pattern: /);
    expect(issue?.message.en).toMatch(en);
  });

  it('numbers follow the accepted pattern', () => {
    const { value } = checkSettingField('invoiceNumberPattern', 'INV-{YY}{MM}-{SEQ3}');
    expect(nextNumbers(value, dateKey(2026, 11, 30), ['INV-2611-007'], 2)).toEqual([
      'INV-2611-008',
      'INV-2611-009',
    ]);
  });
});

describe('請求書の備考 (invoiceNote)', () => {
  it('keeps the lines, folds CRLF, trims trailing spaces and blank lines at the ends', () => {
    expect(
      checkSettingField(
        'invoiceNote',
        '\r\n振込手数料はご負担ください。　\r\nよろしくお願いします\n\n',
      ).value,
    ).toBe('振込手数料はご負担ください。\nよろしくお願いします');
  });

  it(`allows ${MAX_INVOICE_NOTE} characters and refuses more, in both languages`, () => {
    expect(checkSettingField('invoiceNote', 'あ'.repeat(MAX_INVOICE_NOTE)).issue).toBeUndefined();
    const { issue } = checkSettingField('invoiceNote', 'あ'.repeat(MAX_INVOICE_NOTE + 1));
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toEqual(
      text(
        '請求書の備考は500文字以内で入力してください(現在501文字)',
        'Note on invoices may have at most 500 characters (now 501)',
      ),
    );
  });

  it('drops control characters but not the markup, which is escaped where it is printed', () => {
    expect(checkSettingField('invoiceNote', 'a\u0007<b>').value).toBe('a<b>');
  });
});

describe('length', () => {
  it('every text field, with or without its own rule, is refused past 200 by its name', () => {
    expect(checkSettingField('companyName', 'あ'.repeat(200)).issue).toBeUndefined();
    expect(checkSettingField('companyName', 'あ'.repeat(201)).issue).toEqual({
      severity: 'error',
      message: text(
        '会社名・屋号は200文字以内で入力してください(現在201文字)',
        'Company or trade name may have at most 200 characters (now 201)',
      ),
    });
    // Fields with their own rule: the length is what is wrong, said once.
    const email = checkSettingField('email', `${'a'.repeat(200)}@example.com`).issue;
    expect(email?.message).toEqual(
      text(
        'メールは200文字以内で入力してください(現在212文字)',
        'Email may have at most 200 characters (now 212)',
      ),
    );
  });

  it('the whole form lists each field that is too long once', () => {
    const { errors } = validateSettings({
      ...FORM,
      address: 'x'.repeat(300),
      accountHolder: 'カ'.repeat(201),
    });
    expect(errors.map((e) => [e.field, e.message.ja])).toEqual([
      ['address', '住所は200文字以内で入力してください(現在300文字)'],
      ['accountHolder', '口座名義(カナ)は200文字以内で入力してください(現在201文字)'],
    ]);
    expect(errors.map((e) => e.message.en)).toEqual([
      expect.stringMatching(/ may have at most 200 characters \(now 300\)$/),
      expect.stringMatching(/ may have at most 200 characters \(now 201\)$/),
    ]);
  });
});

describe('the whole form', () => {
  it('validates the new fields with the others; choices pass through', () => {
    const { form, errors } = validateSettings({
      ...FORM,
      invoiceNumberPattern: '',
      invoiceNote: ' 備考 ',
      sendDirectly: 'する',
    });
    expect(errors).toEqual([]);
    expect(form).toMatchObject({
      invoiceNumberPattern: DEFAULT_NUMBER_PATTERN,
      invoiceNote: '備考',
      sendDirectly: 'する',
    });
    expect(validateSettings({ ...FORM, invoiceNumberPattern: '{X}' }).errors).toEqual([
      expect.objectContaining({ field: 'invoiceNumberPattern', severity: 'error' }),
    ]);
  });

  it('the schema takes a 500-character note and only する/しない', () => {
    expect(settingsFormSchema.safeParse({ ...FORM, invoiceNote: 'x'.repeat(500) }).success).toBe(
      true,
    );
    expect(settingsFormSchema.safeParse({ ...FORM, invoiceNote: 'x'.repeat(501) }).success).toBe(
      false,
    );
    expect(settingsFormSchema.safeParse({ ...FORM, sendDirectly: 'yes' }).success).toBe(false);
    const { sendDirectly: _omitted, ...old } = FORM;
    expect(settingsFormSchema.safeParse(old).success).toBe(false);
  });

  it('the 設定 sheet has a row per field with its initial value; direct sending is off', () => {
    const rows = new Map(SETTING_ROWS.map((r) => [r.key, r]));
    expect(Object.keys(FORM).every((k) => rows.has(k as keyof SettingsForm))).toBe(true);
    expect(rows.get('invoiceNumberPattern')?.initial).toBe(DEFAULT_NUMBER_PATTERN);
    expect(rows.get('sendDirectly')).toMatchObject({
      initial: 'しない',
      choices: ['する', 'しない'],
    });
    expect(rows.get('invoiceNote')?.label).toBe('請求書の備考');
  });
});
