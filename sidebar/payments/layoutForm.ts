/**
 * The form for a bank Pokke does not know: the file's header row as choices (each with the value
 * of the first line below it), for the date (and how it is written), the amounts (money in and out
 * in two columns, or one signed column), the description, the balance (optional) and the bank's
 * name. The server checks the mapping against the file and keeps it in 設定.
 */
import type { PaymentsLayoutNeeded } from '../../src/core/contracts/payments';
import type { DateFormat } from '../../src/core/payments/layouts';
import type { OwnerLayout } from '../../src/core/payments/ownerLayout';
import { bi, button, h } from '../shared/dom';
import { tr } from '../shared/i18n';
import { S } from './strings';

const FORMAT_EXAMPLES: Record<DateFormat, string> = {
  yyyymmdd: '20261210',
  'y/m/d': '2026/12/10',
  'y-m-d': '2026-12-10',
  y年m月d日: '2026年12月10日',
};

export interface LayoutForm {
  readonly element: HTMLElement;
  readonly saveButton: HTMLButtonElement;
  readonly issue: HTMLElement;
  /** The mapping as chosen (blank fields stay blank: the server says what is missing). */
  layout(): OwnerLayout;
}

export function layoutForm(needed: PaymentsLayoutNeeded): LayoutForm {
  const first = needed.samples[0] ?? [];
  const columnSelect = (field: string, optional = false) =>
    h(
      'select',
      { attrs: { 'data-field': field, id: `layout-${field}` } },
      h('option', { attrs: { value: '' } }, tr(optional ? S.noColumn : S.chooseColumn)),
      ...needed.header.map((name, i) =>
        h(
          'option',
          { attrs: { value: name } },
          first[i] ? `${name}(${tr(S.example)}: ${first[i]})` : name,
        ),
      ),
    );
  const field = (labelText: Parameters<typeof bi>[0], control: HTMLElement) =>
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: control.id } }, bi(labelText)),
      control,
    );
  const name = h('input', { attrs: { id: 'layout-name', type: 'text', 'data-field': 'name' } });
  const date = columnSelect('date');
  const format = h(
    'select',
    { attrs: { 'data-field': 'dateFormat', id: 'layout-dateFormat' } },
    h('option', { attrs: { value: '' } }, tr(S.chooseFormat)),
    ...needed.dateFormats.map((f) => h('option', { attrs: { value: f } }, FORMAT_EXAMPLES[f])),
  );
  const amountKind = (value: 'inOut' | 'signed', text: Parameters<typeof bi>[0]) => {
    const input = h('input', {
      attrs: { type: 'radio', name: 'amount-kind', value, checked: value === 'inOut' },
    });
    input.addEventListener('change', showAmountFields);
    return h('label', { class: 'choice' }, input, bi(text));
  };
  const moneyIn = columnSelect('in');
  const moneyOut = columnSelect('out');
  const signed = columnSelect('signed');
  const inOutFields = h(
    'div',
    { attrs: { 'data-amount': 'inOut' } },
    field(S.moneyIn, moneyIn),
    field(S.moneyOut, moneyOut),
  );
  const signedFields = h('div', { attrs: { 'data-amount': 'signed' } }, field(S.signed, signed));
  const description = columnSelect('description');
  const balance = columnSelect('balance', true);
  const saveButton = button(S.saveLayout, { primary: true, action: 'save-layout' });
  const issue = h('div', { class: 'issue error', attrs: { role: 'alert' } });
  const kind = () =>
    element.querySelector<HTMLInputElement>('input[name="amount-kind"]:checked')?.value === 'signed'
      ? 'signed'
      : 'inOut';
  function showAmountFields(): void {
    inOutFields.hidden = kind() !== 'inOut';
    signedFields.hidden = kind() !== 'signed';
  }
  const element = h(
    'div',
    { class: 'layout-form', attrs: { 'data-layout-form': '' } },
    h('p', { class: 'hint' }, tr(S.layoutHint)),
    h('p', { class: 'header-row' }, needed.header.join(' | ')),
    field(S.bankName, name),
    field(S.dateColumn, date),
    field(S.dateFormat, format),
    h(
      'div',
      { class: 'field' },
      amountKind('inOut', S.amountInOut),
      amountKind('signed', S.amountSigned),
    ),
    inOutFields,
    signedFields,
    field(S.descriptionColumn, description),
    field(S.balanceColumn, balance),
    h('div', { class: 'actions' }, saveButton),
    issue,
  );
  showAmountFields();
  return {
    element,
    saveButton,
    issue,
    layout() {
      const amount =
        kind() === 'signed'
          ? { kind: 'signed' as const, column: signed.value }
          : { kind: 'inOut' as const, in: moneyIn.value, out: moneyOut.value };
      return {
        name: name.value,
        date: { kind: 'column', column: date.value, format: format.value as DateFormat },
        amount,
        description: [description.value],
        ...(balance.value ? { balance: balance.value } : {}),
      };
    },
  };
}
