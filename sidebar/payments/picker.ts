/**
 * Choosing a statement saved in Drive with the Google Picker, as Apps Script's guide does it
 * (developers.google.com/apps-script/guides/dialogs, "File-open dialogs"): Google's loader
 * `https://apis.google.com/js/api.js`, `gapi.load('picker')`, then a `google.picker.PickerBuilder`
 * given the user's token from the server (`ScriptApp.getOAuthToken()`), the API key
 * (`setDeveloperKey`), the Cloud project number (`setAppId`: under the drive.file scope the
 * picked file is then granted to Pokke, developers.google.com/workspace/drive/picker/reference/
 * picker.pickerbuilder.setappid) and `setOrigin(google.script.host.origin)`, with a `DocsView`
 * limited to CSV files.
 *
 * The loader is the one thing a Pokke sidebar fetches from the network, and only when the owner
 * clicks 「Driveから選ぶ」; scripts/build.mjs allows exactly this URL for this sidebar. Where
 * `google.picker` is already there (the playground's stand-in, which offers the emulated Drive's
 * CSV files) nothing is loaded.
 */
import type { PaymentsPickerSetup } from '../../src/core/contracts/payments';

export const GOOGLE_API_LOADER = 'https://apis.google.com/js/api.js';

/** What Drive calls a CSV (a .csv saved from Excel may carry Excel's type). */
const CSV_MIME_TYPES = 'text/csv,text/comma-separated-values,application/vnd.ms-excel';

interface PickerDocument {
  [field: string]: string;
}
type PickerData = Record<string, unknown>;

interface DocsView {
  setMimeTypes(types: string): DocsView;
  setIncludeFolders(include: boolean): DocsView;
}

interface PickerBuilder {
  addView(view: DocsView): PickerBuilder;
  setTitle(title: string): PickerBuilder;
  setOAuthToken(token: string): PickerBuilder;
  setDeveloperKey(key: string): PickerBuilder;
  setAppId(appId: string): PickerBuilder;
  setOrigin(origin: string): PickerBuilder;
  setCallback(callback: (data: PickerData) => void): PickerBuilder;
  build(): { setVisible(visible: boolean): void };
}

/** The part of `google.picker` Pokke uses. */
export interface PickerApi {
  PickerBuilder: new () => PickerBuilder;
  DocsView: new (viewId?: string) => DocsView;
  ViewId: { DOCS: string };
  Action: { PICKED: string; CANCEL: string };
  Response: { ACTION: string; DOCUMENTS: string };
  Document: { ID: string; NAME: string };
}

interface PickerWindow {
  google?: { picker?: PickerApi; script?: { host?: { origin?: string } } };
  gapi?: { load(name: string, options: { callback(): void; onerror(): void }): void };
}

export interface PickedFile {
  readonly id: string;
  readonly name: string;
}

type ReadySetup = Extract<PaymentsPickerSetup, { ok: true }>;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(script);
  });
}

async function pickerApi(): Promise<PickerApi> {
  const w = window as unknown as PickerWindow;
  if (w.google?.picker) return w.google.picker;
  await loadScript(GOOGLE_API_LOADER);
  await new Promise<void>((resolve, reject) => {
    if (!w.gapi) return reject(new Error('gapi is not available'));
    w.gapi.load('picker', { callback: resolve, onerror: () => reject(new Error('picker')) });
  });
  if (!w.google?.picker) throw new Error('The Google Picker did not load');
  return w.google.picker;
}

/** Opens the Picker on the owner's CSV files; the file they pick, or null when they cancel. */
export async function pickCsvFile(setup: ReadySetup, title: string): Promise<PickedFile | null> {
  const P = await pickerApi();
  const origin = (window as unknown as PickerWindow).google?.script?.host?.origin;
  return new Promise((resolve) => {
    let builder = new P.PickerBuilder()
      .addView(new P.DocsView(P.ViewId.DOCS).setMimeTypes(CSV_MIME_TYPES).setIncludeFolders(true))
      .setTitle(title)
      .setOAuthToken(setup.oauthToken)
      .setDeveloperKey(setup.developerKey)
      .setAppId(setup.appId)
      .setCallback((data) => {
        const action = data[P.Response.ACTION];
        if (action === P.Action.PICKED) {
          const doc = (data[P.Response.DOCUMENTS] as PickerDocument[] | undefined)?.[0];
          resolve(doc ? { id: doc[P.Document.ID] ?? '', name: doc[P.Document.NAME] ?? '' } : null);
        } else if (action === P.Action.CANCEL) {
          resolve(null);
        }
      });
    if (origin) builder = builder.setOrigin(origin);
    builder.build().setVisible(true);
  });
}
