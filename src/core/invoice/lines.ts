/**
 * One row of the 売上明細 sheet → a `SaleLine`, or the problems that keep it off an invoice.
 *
 * Amount of a line = quantity × unit price, computed exactly and rounded once to the yen.
 * Quantities may be decimal (1.5 hours, 0.25 days): a quantity is kept as an integer count of
 * 10^-scale (1.5 = 15 × 10^-1), so the product is an integer and the only division is the final
 * rounding, done by `divideRounded` (no float such as 1.1 * 100 ever decides a yen).
 * The rounding of the line amount is not set by law (the law fixes the tax rounding, once per
 * rate); Pokke uses 四捨五入 (round half away from zero) by default, the neutral choice that
 * matches what a calculator or Sheets' ROUND shows the owner. It is an option (`amountRounding`).
 * With whole quantities, which is most lines, no rounding happens at all.
 */

import { cellString, foldWord, readDateCell } from '../cells';
import type { DateKey } from '../dates';
import { tokyoDateKey } from '../dates';
import { divideRounded, parseYen, type RoundingMethod } from '../money';
import { HYPHEN_CLASS, stripSpaces, toHalfWidth } from '../normalize';
import { parseTaxRate, type TaxMode, type TaxRate } from '../tax';
import { type Text, text } from '../text';
import { clientKey, lookup, type RowInput, type RowProblems } from './clients';
import { type FieldLabel, labelled, type Problem, problem } from './problems';

export type SaleField =
  | 'date'
  | 'client'
  | 'item'
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'taxRate'
  | 'taxMode'
  | 'detail'
  | 'note'
  | 'invoiceNumber';

/** Raw cell values of one 売上明細 row, keyed like SALES_SHEET's columns. */
export type SaleCells = Partial<Readonly<Record<SaleField, unknown>>>;

/** An exact decimal: `units × 10^-scale` (1.5 → { units: 15, scale: 1 }). */
export interface Quantity {
  readonly units: number;
  /** Digits after the decimal point, 0–6. */
  readonly scale: number;
}

export interface SaleLine {
  /** 1-based sheet row: the line's identity when writing back (invoice number, message). */
  readonly row: number;
  readonly date: DateKey;
  /** The client's name as written in the 取引先 sheet (not as typed on the line). */
  readonly client: string;
  /** `clientKey(client)`. */
  readonly clientKey: string;
  readonly item: string;
  readonly quantity: Quantity;
  readonly unit: string;
  /** Whole yen; tax-inclusive when `taxMode` is inclusive. */
  readonly unitPrice: number;
  /** quantity × unitPrice rounded once to the yen; in the line's tax mode. */
  readonly amount: number;
  readonly taxRate: TaxRate;
  readonly taxMode: TaxMode;
  /** 摘要: printed under the item on the client's invoice. */
  readonly detail: string;
  /** メモ: the owner's own note (e.g. 定期請求); never shown to the client. */
  readonly note: string;
  /** The invoice this line was billed on; '' while unbilled. */
  readonly invoiceNumber: string;
}

export interface LineContext {
  /** Known clients by `clientKey` (see `indexClients`). */
  readonly clients: ReadonlyMap<string, { readonly name: string }>;
  /** For a blank 税込/税抜 cell. Default 'exclusive' (税抜). */
  readonly defaultTaxMode?: TaxMode;
  /** Rounding of quantity × unit price. Default 'round' (四捨五入). */
  readonly amountRounding?: RoundingMethod;
  /**
   * The civil date of a Date cell. Default `tokyoDateKey`, right when the spreadsheet's time zone
   * is Asia/Tokyo (Sheets gives a date cell as midnight in the spreadsheet's zone).
   */
  readonly dateOf?: (cell: Date) => DateKey;
}

export type LineResult =
  | { ok: true; line: SaleLine }
  | { ok: false; row: number; problems: Problem<SaleField>[] };

export const SALE_LABELS: Readonly<Record<SaleField, FieldLabel>> = {
  date: { ja: '日付', en: 'Date' },
  client: { ja: '取引先', en: 'Client' },
  item: { ja: '品目', en: 'Item' },
  quantity: { ja: '数量', en: 'Quantity' },
  unit: { ja: '単位', en: 'Unit' },
  unitPrice: { ja: '単価', en: 'Unit price' },
  taxRate: { ja: '税率', en: 'Tax rate' },
  taxMode: { ja: '税込/税抜', en: 'Tax included' },
  detail: { ja: '摘要', en: 'Details' },
  note: { ja: 'メモ', en: 'Memo' },
  invoiceNumber: { ja: '請求書番号', en: 'Invoice number' },
};

const MAX_SCALE = 6;

export type QuantityParse =
  | { ok: true; quantity: Quantity }
  | { ok: false; reason: 'format' | 'precision' | 'tooLarge'; message: Text };

const QUANTITY_MESSAGES = {
  format: text(
    '数量として読み取れません(例: 3、1.5、1,000)',
    'Not a quantity (e.g. 3, 1.5, 1,000)',
  ),
  precision: text(
    `数量の小数は${MAX_SCALE}桁までです`,
    `A quantity may have at most ${MAX_SCALE} decimals`,
  ),
  tooLarge: text('数量が大きすぎます', 'The quantity is too large'),
} as const;

function quantityFail(reason: keyof typeof QUANTITY_MESSAGES): QuantityParse {
  return { ok: false, reason, message: QUANTITY_MESSAGES[reason] };
}

const NEGATIVE = new RegExp(`^[${HYPHEN_CLASS}△▲]`);

/**
 * Reads a quantity: numbers (1.5 as Sheets holds it), text `3`, `1.5`, `１．５`, `1,000`, `-2`,
 * `△2`. A blank cell is 1 (one item, one job). A number cell is read through its shortest
 * decimal form (what the owner typed); a formula result like 0.30000000000000004 is read as the
 * nearest 6-decimal value when it is that close, refused otherwise.
 */
export function parseQuantity(cell: unknown): QuantityParse {
  if (typeof cell === 'number') return quantityFromNumber(cell);
  const raw = cellString(cell);
  if (raw === '') return { ok: true, quantity: { units: 1, scale: 0 } };
  if (typeof cell !== 'string') return quantityFail('format');
  let s = stripSpaces(toHalfWidth(raw));
  let negative = false;
  if (NEGATIVE.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  return decimal(s, negative);
}

function quantityFromNumber(n: number): QuantityParse {
  if (!Number.isFinite(n)) return quantityFail('format');
  let text = String(Math.abs(n));
  if (/e/i.test(text) || (text.split('.')[1]?.length ?? 0) > MAX_SCALE) {
    const fixed = Math.abs(n).toFixed(MAX_SCALE);
    if (Math.abs(Number(fixed) - Math.abs(n)) > 1e-9 * Math.max(1, Math.abs(n)))
      return quantityFail('precision');
    text = fixed;
  }
  return decimal(text, n < 0);
}

function decimal(s: string, negative: boolean): QuantityParse {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return quantityFail('format');
  const intPart = (m[1] ?? '0').replace(/,/g, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > MAX_SCALE) return quantityFail('precision');
  const units = Number(intPart + fraction);
  if (!Number.isSafeInteger(units)) return quantityFail('tooLarge');
  return {
    ok: true,
    quantity: { units: negative && units !== 0 ? -units : units, scale: fraction.length },
  };
}

/** `1.5`, `3`, `1,000`, `-2`. */
export function formatQuantity(q: Quantity): string {
  const digits = String(Math.abs(q.units)).padStart(q.scale + 1, '0');
  const intPart = digits.slice(0, digits.length - q.scale).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = digits.slice(digits.length - q.scale);
  return `${q.units < 0 ? '-' : ''}${intPart}${fraction ? `.${fraction}` : ''}`;
}

/** quantity × unitPrice, exact, rounded once; null when the product is beyond safe integers. */
export function lineAmount(
  quantity: Quantity,
  unitPrice: number,
  method: RoundingMethod = 'round',
): number | null {
  const product = quantity.units * unitPrice;
  if (!Number.isSafeInteger(product)) return null;
  return divideRounded(product, 10 ** quantity.scale, method);
}

const TAX_MODE_WORDS: Readonly<Record<string, TaxMode>> = {
  税抜: 'exclusive',
  税抜き: 'exclusive',
  税別: 'exclusive',
  外税: 'exclusive',
  exclusive: 'exclusive',
  excl: 'exclusive',
  'excl.': 'exclusive',
  taxexcluded: 'exclusive',
  false: 'exclusive',
  no: 'exclusive',
  税込: 'inclusive',
  税込み: 'inclusive',
  内税: 'inclusive',
  inclusive: 'inclusive',
  incl: 'inclusive',
  'incl.': 'inclusive',
  taxincluded: 'inclusive',
  true: 'inclusive',
  yes: 'inclusive',
};

function readTaxMode(cell: unknown, fallback: TaxMode): TaxMode | null {
  // The English header is "Tax included": a checkbox there is TRUE for 税込.
  if (typeof cell === 'boolean') return cell ? 'inclusive' : 'exclusive';
  const word = foldWord(cellString(cell));
  if (word === '') return fallback;
  return lookup(TAX_MODE_WORDS, word) ?? null;
}

/** Whether the row already carries an invoice number (billed: never billed again). */
export function isBilledRow(cells: SaleCells): boolean {
  return cellString(cells.invoiceNumber) !== '';
}

/**
 * Validates one 売上明細 row. Every field is checked, so the owner sees all of a row's problems
 * at once. Problems: date missing or unreadable; client missing or not in 取引先; item missing;
 * quantity unreadable, or negative without a note (a return or a correction must say why);
 * unit price missing, with text or a fraction of a yen; tax rate missing or unknown; 税込/税抜
 * unreadable; an amount too large for exact arithmetic.
 */
export function validateSaleRow(cells: SaleCells, row: number, ctx: LineContext): LineResult {
  const problems: Problem<SaleField>[] = [];
  const L = SALE_LABELS;

  const date = readDateCell(cells.date, ctx.dateOf ?? tokyoDateKey);
  if (date === 'empty')
    problems.push(problem('date', L.date, '日付が入力されていません', 'No date entered'));
  else if (date === null)
    problems.push(
      problem(
        'date',
        L.date,
        '日付として読み取れません(例: 2026/11/30)',
        'Not a date (e.g. 2026/11/30)',
        cells.date,
      ),
    );

  const clientText = cellString(cells.client);
  const client = clientText === '' ? undefined : ctx.clients.get(clientKey(clientText));
  if (clientText === '')
    problems.push(problem('client', L.client, '取引先が入力されていません', 'No client entered'));
  else if (client === undefined)
    problems.push(
      problem(
        'client',
        L.client,
        '取引先シートにない取引先です。取引先シートに追加するか、名前を合わせてください',
        'Not in the Clients sheet; add the client there or match the name',
        clientText,
      ),
    );

  const item = cellString(cells.item);
  if (item === '')
    problems.push(problem('item', L.item, '品目が入力されていません', 'No item entered'));

  const detail = cellString(cells.detail);
  const note = cellString(cells.note);
  const quantity = parseQuantity(cells.quantity);
  if (!quantity.ok)
    problems.push({
      field: 'quantity',
      message: labelled(L.quantity, quantity.message, cells.quantity),
    });
  else if (quantity.quantity.units < 0 && detail === '' && note === '')
    problems.push(
      problem(
        'quantity',
        L.quantity,
        'マイナスの数量には摘要(請求書に表示)かメモに理由(返品・値引きなど)を書いてください',
        'A negative quantity needs a reason (return, discount…) in the details (shown on the invoice) or the memo',
        cells.quantity,
      ),
    );

  const price = parseYen(cells.unitPrice);
  if (!price.ok)
    problems.push({
      field: 'unitPrice',
      message: labelled(
        L.unitPrice,
        price.message,
        price.reason === 'empty' ? undefined : cells.unitPrice,
      ),
    });

  const rate = parseTaxRate(cells.taxRate);
  if (!rate.ok)
    problems.push({
      field: 'taxRate',
      message: labelled(
        L.taxRate,
        rate.message,
        rate.reason === 'empty' ? undefined : cells.taxRate,
      ),
    });

  const taxMode = readTaxMode(cells.taxMode, ctx.defaultTaxMode ?? 'exclusive');
  if (taxMode === null)
    problems.push(
      problem(
        'taxMode',
        L.taxMode,
        '「税抜」か「税込」を選んでください',
        'Choose 税抜 (tax excluded) or 税込 (tax included)',
        cells.taxMode,
      ),
    );

  let amount: number | null = null;
  if (quantity.ok && price.ok) {
    amount = lineAmount(quantity.quantity, price.yen, ctx.amountRounding ?? 'round');
    if (amount === null)
      problems.push(
        problem(
          'unitPrice',
          L.unitPrice,
          '数量×単価が大きすぎて計算できません',
          'Quantity × unit price is too large to compute',
        ),
      );
  }

  if (
    problems.length > 0 ||
    date === 'empty' ||
    date === null ||
    client === undefined ||
    !quantity.ok ||
    !price.ok ||
    !rate.ok ||
    taxMode === null ||
    amount === null
  )
    return { ok: false, row, problems };

  return {
    ok: true,
    line: {
      row,
      date,
      client: client.name,
      clientKey: clientKey(client.name),
      item,
      quantity: quantity.quantity,
      unit: cellString(cells.unit),
      unitPrice: price.yen,
      amount,
      taxRate: rate.rate,
      taxMode,
      detail,
      note,
      invoiceNumber: cellString(cells.invoiceNumber),
    },
  };
}

export interface SalesValidation {
  /** Valid unbilled lines, in sheet order. */
  readonly lines: SaleLine[];
  /** Unbilled rows that cannot be invoiced, with their problems. The other rows are unaffected. */
  readonly rejected: RowProblems<SaleField>[];
  /** Rows already carrying an invoice number: not validated, never billed again. */
  readonly billed: number[];
}

/** Validates every unbilled row; one bad row never stops the others. */
export function validateSaleRows(
  rows: readonly RowInput<SaleCells>[],
  ctx: LineContext,
): SalesValidation {
  const lines: SaleLine[] = [];
  const rejected: RowProblems<SaleField>[] = [];
  const billed: number[] = [];
  for (const { rowNumber, values } of rows) {
    if (isBilledRow(values)) {
      billed.push(rowNumber);
      continue;
    }
    const result = validateSaleRow(values, rowNumber, ctx);
    if (result.ok) lines.push(result.line);
    else rejected.push({ row: rowNumber, problems: result.problems });
  }
  return { lines, rejected, billed };
}
