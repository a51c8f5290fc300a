import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import * as z from 'zod';
import { missingAddonFunctions, readAddonManifest } from '../../emulator/addon-manifest';
import { loadBundleFromDist } from '../../emulator/runtime';
import { MENU_ITEMS } from '../../src/ui/menu';

const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as unknown;
const code = readFileSync('dist/Code.js', 'utf8');

/** Scopes Pokke may ask for, narrowest that do the job (platform.md). */
const ALLOWED_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  // The Gmail add-on opens the owner's workbook by id (no active spreadsheet in Gmail).
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.locale',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/tasks',
  'https://www.googleapis.com/auth/calendar.events',
  // 日程調整: the busy times of the owner's and colleagues' calendars (Freebusy.query only).
  'https://www.googleapis.com/auth/calendar.events.freebusy',
  'https://www.googleapis.com/auth/calendar.addons.execute',
  'https://www.googleapis.com/auth/gmail.addons.execute',
  'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  // Invoice drafts through the Gmail advanced service (Users.Drafts, Users.getProfile). Never
  // `https://mail.google.com/`, and never `drive`: PDFs go through the Drive advanced service
  // with drive.file (files Pokke created).
  'https://www.googleapis.com/auth/gmail.compose',
  // UrlFetchApp, only for Drive's export of the temporary Doc a receipt is read through
  // (src/services/fileText.ts); the urlFetchWhitelist below keeps it to that API.
  'https://www.googleapis.com/auth/script.external_request',
];

const trigger = z.object({ runFunction: z.string() }).strict();
const manifestSchema = z
  .object({
    timeZone: z.literal('Asia/Tokyo'),
    runtimeVersion: z.literal('V8'),
    exceptionLogging: z.enum(['STACKDRIVER', 'NONE']).optional(),
    oauthScopes: z.array(z.enum(ALLOWED_SCOPES as [string, ...string[]])).nonempty(),
    dependencies: z
      .object({
        enabledAdvancedServices: z.array(
          z.object({ userSymbol: z.string(), serviceId: z.string(), version: z.string() }).strict(),
        ),
      })
      .optional(),
    addOns: z
      .object({
        common: z
          .object({
            name: z.string(),
            logoUrl: z.string().url(),
            homepageTrigger: trigger.optional(),
            urlFetchWhitelist: z.array(z.string()).optional(),
          })
          .passthrough(),
        gmail: z.object({ homepageTrigger: trigger.optional() }).passthrough().optional(),
        calendar: z.object({ homepageTrigger: trigger.optional() }).passthrough().optional(),
        sheets: z.object({ homepageTrigger: trigger.optional() }).passthrough().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Every `runFunction`/`onTriggerFunction`/`...Function` value anywhere in the manifest. */
function namedFunctions(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) namedFunctions(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/Function$/.test(k) && typeof v === 'string') out.push(v);
      else namedFunctions(v, out);
    }
  }
  return out;
}

describe('the built manifest and bundle', () => {
  const bundle = loadBundleFromDist('dist');

  it('has the shape Apps Script accepts: V8, Asia/Tokyo, only allowed scopes', () => {
    const result = manifestSchema.safeParse(manifest);
    expect(result.error?.issues ?? []).toEqual([]);
    const scopes = (manifest as { oauthScopes: string[] }).oauthScopes;
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('enables the Drive v3, Gmail v1 and Sheets v4 advanced services the invoices and runs use', () => {
    const services =
      (manifest as { dependencies?: { enabledAdvancedServices?: unknown[] } }).dependencies
        ?.enabledAdvancedServices ?? [];
    expect(services).toEqual(
      expect.arrayContaining([
        { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
        { userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' },
        { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      ]),
    );
  });

  it('lets UrlFetchApp reach only the Drive API files URLs (the export of a receipt read by Drive)', () => {
    const common = (manifest as { addOns: { common: { urlFetchWhitelist?: string[] } } }).addOns
      .common;
    expect(common.urlFetchWhitelist).toEqual(['https://www.googleapis.com/drive/v3/files/']);
  });

  it('names only functions that exist at the top level of Code.js', () => {
    for (const name of namedFunctions(manifest)) expect(bundle.entryPoints).toContain(name);
  });

  it('declares a valid Gmail add-on whose functions all exist in the bundle', () => {
    const addon = readAddonManifest(manifest);
    expect(addon.name).toBe('Pokke');
    expect(addon.logoUrl).toMatch(
      /^https:\/\/(www\.gstatic\.com|[a-z0-9.-]+\.googleusercontent\.com)\//,
    );
    expect(addon.hosts).toContain('gmail');
    expect(addon.homepage.gmail).toBe('onGmailHomepage');
    expect(addon.gmailContextual).toEqual(['onGmailMessageOpen']);
    expect(missingAddonFunctions(manifest, bundle.entryPoints)).toEqual([]);
    const m = manifest as {
      oauthScopes: string[];
      dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] };
    };
    // A Gmail add-on needs its host scope; reading the open mail needs only the per-message one.
    expect(m.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/gmail.addons.execute',
        'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
        'https://www.googleapis.com/auth/tasks',
      ]),
    );
    expect(m.dependencies?.enabledAdvancedServices).toEqual(
      expect.arrayContaining([{ userSymbol: 'Tasks', serviceId: 'tasks', version: 'v1' }]),
    );
    // Card actions are top-level functions too.
    expect(bundle.entryPoints).toEqual(
      expect.arrayContaining(['mailTaskCreate', 'mailTaskConnectWorkbook']),
    );
  });

  it('defines every menu callback as a top-level function', () => {
    for (const item of MENU_ITEMS) expect(bundle.entryPoints).toContain(item.functionName);
  });

  it('declares entry points as top-level functions and nothing else but the Pokke namespace', () => {
    const program = parse(code, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as {
      body: { type: string; id?: { name: string }; declarations?: { id: { name: string } }[] }[];
    };
    const functions = program.body
      .filter((n) => n.type === 'FunctionDeclaration')
      .map((n) => n.id!.name);
    const variables = program.body.flatMap((n) =>
      n.type === 'VariableDeclaration' ? n.declarations!.map((d) => d.id.name) : [],
    );
    expect(variables).toEqual(['Pokke']);
    expect(functions.sort()).toEqual([...bundle.entryPoints].sort());
    expect(bundle.entryPoints).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'settingsLoad', 'settingsSave']),
    );
    expect(bundle.entryPoints.filter((n) => n.endsWith('_'))).toEqual([]);
  });

  it('parses as ES2020 script code (no class fields, no private names, no modules)', () => {
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(code).not.toMatch(/\brequire\(/);
  });
});
