import type { Blob } from '../blob';
import type { GmailAppEmulator } from '../gmail';
import type {
  GmailAttachment,
  GmailDraft,
  GmailLabel,
  GmailMessage,
  GmailThread,
} from '../gmail/message';
import type { User } from '../session';
import type { File, FileIterator, Folder, FolderIterator } from './items';

/**
 * Typing DriveApp, GmailApp and MailApp against `@types/google-apps-script`, in the manner of
 * `spreadsheet/types.ts`: `Emulates<I, K>` takes the methods `K` of the Apps Script interface `I`,
 * keeps every overload, and swaps the Apps Script classes in parameters and results for the
 * emulator's own (`GAS.Drive.File` → `File`...). Options interfaces (`GmailAdvancedOptions`) are
 * kept as declared: the emulator accepts exactly what a script may pass.
 *
 * Order matters: a GmailAttachment is structurally a Blob, so it is tested first.
 */
type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;
type GFileIterator = GoogleAppsScript.Drive.FileIterator;
type GFolderIterator = GoogleAppsScript.Drive.FolderIterator;
type GAttachment = GoogleAppsScript.Gmail.GmailAttachment;
type GMessage = GoogleAppsScript.Gmail.GmailMessage;
type GThread = GoogleAppsScript.Gmail.GmailThread;
type GDraft = GoogleAppsScript.Gmail.GmailDraft;
type GLabel = GoogleAppsScript.Gmail.GmailLabel;
type GGmailApp = GoogleAppsScript.Gmail.GmailApp;
type GBlob = GoogleAppsScript.Base.Blob;
type GUser = GoogleAppsScript.Base.User;

type IsAny<T> = 0 extends 1 & T ? true : false;

/** An Apps Script type as the emulator spells it. */
export type Swap<T> =
  IsAny<T> extends true
    ? T
    : T extends string | boolean | number | null | undefined
      ? T
      : T extends (infer U)[]
        ? Swap<U>[]
        : T extends GFile
          ? File
          : T extends GFolder
            ? Folder
            : T extends GFileIterator
              ? FileIterator
              : T extends GFolderIterator
                ? FolderIterator
                : T extends GAttachment
                  ? GmailAttachment
                  : T extends GMessage
                    ? GmailMessage
                    : T extends GThread
                      ? GmailThread
                      : T extends GDraft
                        ? GmailDraft
                        : T extends GLabel
                          ? GmailLabel
                          : T extends GGmailApp
                            ? GmailAppEmulator
                            : T extends GBlob
                              ? Blob
                              : T extends GUser
                                ? User
                                : T extends GoogleAppsScript.Base.Date
                                  ? Date
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
