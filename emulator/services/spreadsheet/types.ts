import type { NamedRange, Protection } from './protection';
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';
import type { DataValidation, DataValidationBuilder } from './validation';

/**
 * Typing the emulator against `@types/google-apps-script`.
 *
 * A class such as `Range` implements only part of `GoogleAppsScript.Spreadsheet.Range`, so its
 * chainable methods return the emulator's `Range`, not the full interface. `Emulates<I, K>` takes
 * the methods `K` of the Apps Script interface `I`, keeps every overload, and swaps the Apps Script
 * classes in parameters and results for the emulator's own (`GAS.Range` → `Range`...). Enums
 * (`DataValidationCriteria`, `WrapStrategy`...) become their member names, which is what the
 * emulator's frozen enum objects hold. A class that `implements Emulates<GAS.Range, 'getValues'>`
 * therefore cannot drift from the real signature of `getValues`.
 */
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

type IsAny<T> = 0 extends 1 & T ? true : false;
type IsExactly<A, B> =
  (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** An Apps Script type as the emulator spells it. */
export type Swap<T> =
  IsAny<T> extends true
    ? T
    : T extends string | boolean | null | undefined
      ? T
      : T extends number
        ? IsExactly<T, number> extends true
          ? number
          : string // a numeric enum of the typings: the emulator uses the member names
        : T extends (infer U)[]
          ? Swap<U>[]
          : T extends GValidationBuilder
            ? DataValidationBuilder
            : T extends GValidation
              ? DataValidation
              : T extends GRange
                ? Range
                : T extends GSheet
                  ? Sheet
                  : T extends GSpreadsheet
                    ? Spreadsheet
                    : T extends GProtection
                      ? Protection
                      : T extends GNamedRange
                        ? NamedRange
                        : T extends GoogleAppsScript.Base.Date
                          ? Date
                          : T extends Record<string, unknown> // an options literal such as {template?: Sheet}
                            ? { [P in keyof T]: Swap<T[P]> }
                            : T;

type SwapArgs<A extends unknown[]> = { [I in keyof A]: Swap<A[I]> };
type Fn<A extends unknown[], R> = (...args: SwapArgs<A>) => Swap<R>;

/** Every overload (up to eight) of a method, with its types swapped. */
type Overloads<F> = F extends {
  (...a: infer A1): infer R1;
  (...a: infer A2): infer R2;
  (...a: infer A3): infer R3;
  (...a: infer A4): infer R4;
  (...a: infer A5): infer R5;
  (...a: infer A6): infer R6;
  (...a: infer A7): infer R7;
  (...a: infer A8): infer R8;
}
  ? Fn<A1, R1> &
      Fn<A2, R2> &
      Fn<A3, R3> &
      Fn<A4, R4> &
      Fn<A5, R5> &
      Fn<A6, R6> &
      Fn<A7, R7> &
      Fn<A8, R8>
  : F;

/** The methods `K` of the Apps Script interface `I`, as the emulator implements them. */
export type Emulates<I, K extends keyof I> = { [P in K]: Overloads<I[P]> };
