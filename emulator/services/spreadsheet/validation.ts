import { API_NAME } from '../../core/instrument';
import { displayValue } from './display';
import { type CriteriaName, DataValidationCriteria } from './enums';
import type { Range } from './range';
import { toSerial } from './time';
import type { Emulates } from './types';
import type { CellValue } from './values';

type GValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

interface Rule {
  readonly criteria: CriteriaName | null;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

const EMPTY_RULE: Rule = { criteria: null, args: [], allowInvalid: true, helpText: null };

const copyArg = (a: unknown): unknown =>
  a instanceof Date ? new Date(a.getTime()) : Array.isArray(a) ? a.map(copyArg) : a;

/** The reads a built rule and its builder share. */
abstract class RuleReader {
  protected abstract readonly rule: Rule;

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.rule);
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): string {
    return this.rule.criteria ?? '';
  }

  getCriteriaValues(): unknown[] {
    return this.rule.args.map(copyArg);
  }
}

/** A data-validation rule (immutable), as `DataValidationBuilder.build()` makes it. */
export class DataValidation extends RuleReader implements Emulates<GValidation, keyof GValidation> {
  readonly [API_NAME] = 'DataValidation';

  constructor(readonly rule: Rule) {
    super();
  }

  /** Apps Script documents `null` when no help text is set. */
  getHelpText(): string {
    return this.rule.helpText as string;
  }
}

/** `SpreadsheetApp.newDataValidation()`. Every `require*`/`set*` returns the builder itself. */
export class DataValidationBuilder
  extends RuleReader
  implements Emulates<GBuilder, keyof GBuilder>
{
  readonly [API_NAME] = 'DataValidationBuilder';
  protected rule: Rule;

  constructor(rule: Rule = EMPTY_RULE) {
    super();
    this.rule = rule;
  }

  private with(criteria: CriteriaName, ...args: unknown[]): this {
    this.rule = { ...this.rule, criteria, args: args.map(copyArg) };
    return this;
  }

  build(): DataValidation {
    return new DataValidation(this.rule);
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    return this.with('CHECKBOX', ...args);
  }

  requireDate(): this {
    return this.with('DATE_IS_VALID_DATE');
  }

  requireDateAfter(date: Date): this {
    return this.with('DATE_AFTER', date);
  }

  requireDateBefore(date: Date): this {
    return this.with('DATE_BEFORE', date);
  }

  requireDateBetween(start: Date, end: Date): this {
    return this.with('DATE_BETWEEN', start, end);
  }

  requireDateEqualTo(date: Date): this {
    return this.with('DATE_EQUAL_TO', date);
  }

  requireDateNotBetween(start: Date, end: Date): this {
    return this.with('DATE_NOT_BETWEEN', start, end);
  }

  requireDateOnOrAfter(date: Date): this {
    return this.with('DATE_ON_OR_AFTER', date);
  }

  requireDateOnOrBefore(date: Date): this {
    return this.with('DATE_ON_OR_BEFORE', date);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.with('CUSTOM_FORMULA', formula);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.with('NUMBER_BETWEEN', start, end);
  }

  requireNumberEqualTo(number: number): this {
    return this.with('NUMBER_EQUAL_TO', number);
  }

  requireNumberGreaterThan(number: number): this {
    return this.with('NUMBER_GREATER_THAN', number);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.with('NUMBER_GREATER_THAN_OR_EQUAL_TO', number);
  }

  requireNumberLessThan(number: number): this {
    return this.with('NUMBER_LESS_THAN', number);
  }

  requireNumberLessThanOrEqualTo(number: number): this {
    return this.with('NUMBER_LESS_THAN_OR_EQUAL_TO', number);
  }

  requireNumberNotBetween(start: number, end: number): this {
    return this.with('NUMBER_NOT_BETWEEN', start, end);
  }

  requireNumberNotEqualTo(number: number): this {
    return this.with('NUMBER_NOT_EQUAL_TO', number);
  }

  requireTextContains(text: string): this {
    return this.with('TEXT_CONTAINS', text);
  }

  requireTextDoesNotContain(text: string): this {
    return this.with('TEXT_DOES_NOT_CONTAIN', text);
  }

  requireTextEqualTo(text: string): this {
    return this.with('TEXT_EQUAL_TO', text);
  }

  requireTextIsEmail(): this {
    return this.with('TEXT_IS_VALID_EMAIL');
  }

  requireTextIsUrl(): this {
    return this.with('TEXT_IS_VALID_URL');
  }

  requireValueInList(values: string[], showDropdown = true): this {
    return this.with('VALUE_IN_LIST', values.map(String), showDropdown);
  }

  requireValueInRange(range: Range, showDropdown = true): this {
    return this.with('VALUE_IN_RANGE', range, showDropdown);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.rule = { ...this.rule, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }

  setHelpText(helpText: string): this {
    this.rule = { ...this.rule, helpText: String(helpText) };
    return this;
  }

  withCriteria(criteria: string, args: unknown[]): this {
    if (!(criteria in DataValidationCriteria)) {
      throw new Error(
        `The parameters (${typeof criteria},${typeof args}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.withCriteria.`,
      );
    }
    return this.with(criteria as CriteriaName, ...(args ?? []));
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?|ftp):\/\/[^\s/$.?#].\S*$/i;

/** Text Sheets compares a value with a list item by. */
function asText(value: CellValue, timeZone: string, locale: string): string {
  return displayValue(value, null, timeZone, locale);
}

const day = (v: unknown, timeZone: string): number | undefined =>
  v instanceof Date ? Math.floor(toSerial(v.getTime(), timeZone)) : undefined;

/**
 * Whether `value` satisfies the rule. Empty cells always do. `CUSTOM_FORMULA` always passes (the
 * emulator has no calculation engine). List items compare with the value's unformatted display
 * text (`5` matches `'5'`, `true` matches `'TRUE'`).
 */
export function satisfies(
  rule: DataValidation,
  value: CellValue,
  timeZone: string,
  locale: string,
): boolean {
  if (value === '') return true;
  const { criteria, args } = rule.rule;
  const [a, b] = args;
  const num = typeof value === 'number' ? value : undefined;
  const text = typeof value === 'string' ? value : asText(value, timeZone, locale);
  const d = day(value, timeZone);
  const da = day(a, timeZone);
  const db = day(b, timeZone);
  switch (criteria) {
    case 'VALUE_IN_LIST':
      return Array.isArray(a) && a.map(String).includes(text);
    case 'VALUE_IN_RANGE': {
      const range = a as Range | undefined;
      if (!range || typeof range.getValues !== 'function') return true;
      return range
        .getValues()
        .some((row) => row.some((v) => v !== '' && asText(v, timeZone, locale) === text));
    }
    case 'CHECKBOX':
      if (args.length === 0) return typeof value === 'boolean';
      return args.some((x) => x === value || String(x) === text);
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Number(a) && num <= Number(b);
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < Number(a) || num > Number(b));
    case 'NUMBER_EQUAL_TO':
      return num !== undefined && num === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== undefined && num !== Number(a);
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= Number(a);
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= Number(a);
    case 'DATE_IS_VALID_DATE':
      return d !== undefined;
    case 'DATE_AFTER':
      return d !== undefined && da !== undefined && d > da;
    case 'DATE_BEFORE':
      return d !== undefined && da !== undefined && d < da;
    case 'DATE_ON_OR_AFTER':
      return d !== undefined && da !== undefined && d >= da;
    case 'DATE_ON_OR_BEFORE':
      return d !== undefined && da !== undefined && d <= da;
    case 'DATE_EQUAL_TO':
      return d !== undefined && d === da;
    case 'DATE_BETWEEN':
      return d !== undefined && da !== undefined && db !== undefined && d >= da && d <= db;
    case 'DATE_NOT_BETWEEN':
      return d !== undefined && da !== undefined && db !== undefined && (d < da || d > db);
    case 'TEXT_CONTAINS':
      return text.includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a));
    case 'TEXT_EQUAL_TO':
      return text === String(a);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && URL_RE.test(value);
    default:
      return true;
  }
}

/**
 * Apps Script's rejection of a write into a cell whose rule refuses invalid data. The rule's help
 * text, or for a list the allowed values, follows the first sentence as in the Sheets message.
 */
export function violationMessage(a1: string, rule: DataValidation): string {
  const base = `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
  const { helpText, criteria, args } = rule.rule;
  if (helpText) return `${base} ${helpText}`;
  if (criteria === 'VALUE_IN_LIST' && Array.isArray(args[0])) {
    return `${base} Please enter one of the following values: ${(args[0] as unknown[]).join(', ')}.`;
  }
  return base;
}

/** What the playground and the xlsx export need to know about a rule. */
export interface ValidationSnapshot {
  readonly criteria: string;
  /** The allowed values of a `VALUE_IN_LIST` rule (else `null`). */
  readonly list: string[] | null;
  readonly showDropdown: boolean;
  readonly args: unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export function snapshotRule(rule: DataValidation): ValidationSnapshot {
  const { criteria, args, allowInvalid, helpText } = rule.rule;
  const isList = criteria === 'VALUE_IN_LIST';
  return {
    criteria: criteria ?? '',
    list: isList && Array.isArray(args[0]) ? (args[0] as unknown[]).map(String) : null,
    showDropdown: isList || criteria === 'VALUE_IN_RANGE' ? args[1] !== false : false,
    args: args.map((a) =>
      a && typeof a === 'object' && 'getA1Notation' in a
        ? (a as Range).getA1Notation()
        : copyArg(a),
    ),
    allowInvalid,
    helpText,
  };
}
