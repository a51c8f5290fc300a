import { API_NAME } from '../../core/instrument';
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { Emulates } from './types';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

type UserLike = string | { getEmail(): string };
const emailOf = (u: UserLike): string => (typeof u === 'string' ? u : u.getEmail());

/**
 * A protected sheet (`Sheet.protect()`) or range (`Range.protect()`). The emulator records what a
 * script asked for; it does not stop the script's own writes (the owner may always edit).
 */
export class Protection
  implements
    Emulates<
      GProtection,
      | 'addEditor'
      | 'addEditors'
      | 'canDomainEdit'
      | 'canEdit'
      | 'getDescription'
      | 'getProtectionType'
      | 'getRange'
      | 'getRangeName'
      | 'getUnprotectedRanges'
      | 'isWarningOnly'
      | 'remove'
      | 'removeEditor'
      | 'removeEditors'
      | 'setDescription'
      | 'setDomainEdit'
      | 'setRange'
      | 'setUnprotectedRanges'
      | 'setWarningOnly'
    >
{
  readonly [API_NAME] = 'Protection';
  description = '';
  warningOnly = false;
  domainEdit = true;
  removed = false;
  readonly editors = new Set<string>();
  unprotected: Range[] = [];

  constructor(
    readonly sheet: Sheet,
    readonly type: 'SHEET' | 'RANGE',
    public range: Range | null,
    owner: string,
  ) {
    this.editors.add(owner);
  }

  addEditor(emailAddress: UserLike): this {
    this.editors.add(emailOf(emailAddress));
    return this;
  }

  addEditors(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.editors.add(e);
    return this;
  }

  canDomainEdit(): boolean {
    return this.domainEdit;
  }

  canEdit(): boolean {
    return true;
  }

  getDescription(): string {
    return this.description;
  }

  getProtectionType(): string {
    return this.type;
  }

  getRange(): Range {
    return this.range ?? this.sheet.wholeRange();
  }

  getRangeName(): string | null {
    return null;
  }

  getUnprotectedRanges(): Range[] {
    return this.unprotected.slice();
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  remove(): void {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }

  removeEditor(emailAddress: UserLike): this {
    this.editors.delete(emailOf(emailAddress));
    return this;
  }

  removeEditors(emailAddresses: UserLike[]): this {
    for (const e of emailAddresses) this.editors.delete(emailOf(e));
    return this;
  }

  setDescription(description: string): this {
    this.description = String(description);
    return this;
  }

  setDomainEdit(editable: boolean): this {
    this.domainEdit = Boolean(editable);
    return this;
  }

  setRange(range: Range): this {
    this.range = range;
    return this;
  }

  setUnprotectedRanges(ranges: Range[]): this {
    this.unprotected = ranges.slice();
    return this;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = Boolean(warningOnly);
    return this;
  }

  /** Emulator-only: a plain description for tests, the playground and the xlsx export. */
  snapshot(): ProtectionSnapshot {
    return {
      type: this.type,
      range: this.range ? this.range.getA1Notation() : null,
      description: this.description,
      warningOnly: this.warningOnly,
      editors: [...this.editors],
      unprotectedRanges: this.unprotected.map((r) => r.getA1Notation()),
    };
  }
}

export interface ProtectionSnapshot {
  readonly type: 'SHEET' | 'RANGE';
  /** A1 notation of a protected range; `null` for a whole-sheet protection. */
  readonly range: string | null;
  readonly description: string;
  readonly warningOnly: boolean;
  readonly editors: string[];
  readonly unprotectedRanges: string[];
}

/** The registry a named range lives in (its spreadsheet). */
export interface NamedRangeHost {
  namedRanges: Map<string, NamedRange>;
}

/** `Spreadsheet.setNamedRange(name, range)`; names are unique per spreadsheet. */
export class NamedRange implements Emulates<GNamedRange, keyof GNamedRange> {
  readonly [API_NAME] = 'NamedRange';

  constructor(
    private readonly host: NamedRangeHost,
    public name: string,
    public range: Range,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): Range {
    return this.range;
  }

  remove(): void {
    this.host.namedRanges.delete(this.name);
  }

  setName(name: string): this {
    this.host.namedRanges.delete(this.name);
    this.name = String(name);
    this.host.namedRanges.set(this.name, this);
    return this;
  }

  setRange(range: Range): this {
    this.range = range;
    return this;
  }
}
