import { latencyOf } from '../../emulator/core/latency';
import { loadBundle } from '../../emulator/runtime';
import {
  compileDriveQuery,
  type DriveAdvancedEmulator,
  FOLDER_MIME,
} from '../../emulator/services/advanced/drive';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

type GDrive = GoogleAppsScript.Drive;

const DRIVE_V3 = { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' } as const;
const FILE_URL = /^https:\/\/drive\.google\.com\/file\/d\/[A-Za-z0-9_-]{33}\/view\?usp=drivesdk$/;
const FOLDER_URL = /^https:\/\/drive\.google\.com\/drive\/folders\/[A-Za-z0-9_-]{33}$/;
const invalid = 'API call to drive.files.list failed with error: Invalid Value';

function setup(options: WorkspaceOptions = {}) {
  const ws = new Workspace({ advancedServices: [DRIVE_V3], ...options });
  const Drive = ws.globals().Drive as GDrive;
  return { ws, Drive };
}

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function folderIn(Drive: GDrive, parent: string, name: string): string {
  return Drive.Files.create({ name, mimeType: FOLDER_MIME, parents: [parent] }).id as string;
}

describe('Drive advanced service (v3): files', () => {
  it('creates folders and files in the store DriveApp shares (paths, outbox, sourceHtml)', () => {
    const { ws, Drive } = setup();
    const pokke = folderIn(Drive, 'root', 'Pokke');
    const month = folderIn(Drive, pokke, '11');
    const pdf = ws.Utilities.newBlob('<p>請求書</p>', 'text/html', 'a.html').getAs(
      'application/pdf',
    );
    const created = Drive.Files.create(
      { name: '請求書.pdf', parents: [month], mimeType: 'application/pdf' },
      pdf,
      { fields: 'id,name,webViewLink,parents,size' },
    );
    expect(created).toEqual({
      id: expect.any(String),
      name: '請求書.pdf',
      webViewLink: expect.stringMatching(FILE_URL),
      parents: [month],
      size: String(pdf.raw().length),
    });
    const [file] = ws.DriveApp.allFiles();
    expect(file).toMatchObject({
      path: 'Pokke/11/請求書.pdf',
      mimeType: 'application/pdf',
      sourceHtml: '<p>請求書</p>',
      url: created.webViewLink,
    });
    expect(ws.DriveApp.getFileById(created.id as string).getName()).toBe('請求書.pdf');
    // Default fields: kind, id, name, mimeType.
    expect(Drive.Files.get(month)).toEqual({
      kind: 'drive#file',
      id: month,
      name: '11',
      mimeType: FOLDER_MIME,
    });
    expect(Drive.Files.get(month, { fields: 'webViewLink' }).webViewLink).toMatch(FOLDER_URL);
    expect(Drive.Files.get('root', { fields: 'name' })).toEqual({ name: 'My Drive' });
  });

  it('a PDF whose bytes went through base64 is still renderable (sourceHtml from its bytes)', () => {
    const { ws, Drive } = setup();
    const pdf = ws.Utilities.newBlob('<h1>x</h1>', 'text/html', 'x.html').getAs('application/pdf');
    const copy = ws.Utilities.newBlob(
      ws.Utilities.base64Decode(ws.Utilities.base64Encode(pdf.getBytes())),
      'application/pdf',
      'x.pdf',
    );
    expect(copy.sourceHtml).toBeUndefined();
    Drive.Files.create({ name: 'x.pdf' }, copy);
    expect(ws.DriveApp.allFiles()[0]?.sourceHtml).toBe('<h1>x</h1>');
  });

  it('lists with the query subset Pokke uses, fields, pages and trashed files', () => {
    const { ws, Drive } = setup();
    const a = folderIn(Drive, 'root', "O'Brien \\ 請求書");
    const b = folderIn(Drive, 'root', 'other');
    Drive.Files.create({ name: "O'Brien \\ 請求書", parents: [b] });
    const inA = Drive.Files.create({ name: 'x.pdf', parents: [a], mimeType: 'application/pdf' });
    const list = (query: string, extra: Record<string, unknown> = {}) =>
      (Drive.Files.list({ q: query, fields: 'files(id,name)', ...extra }).files ?? []).map(
        (f) => f.id,
      );
    const byName = `name = ${q("O'Brien \\ 請求書")}`;
    expect(list(byName)).toHaveLength(2);
    expect(list(`${byName} and 'root' in parents and mimeType = '${FOLDER_MIME}'`)).toEqual([a]);
    expect(list(`${byName} and not mimeType = '${FOLDER_MIME}'`)).toHaveLength(1);
    expect(list(`(name = 'x.pdf' or name = 'other') and trashed = false`)).toEqual([b, inA.id]);
    expect(list(`${q(a)} in parents`)).toEqual([inA.id]);
    expect(list(`name contains 'brien'`)).toHaveLength(2);
    ws.DriveApp.getFileById(inA.id as string).setTrashed(true);
    expect(list(`name = 'x.pdf'`)).toEqual([inA.id]);
    expect(list(`name = 'x.pdf' and trashed = false`)).toEqual([]);
    expect(list(`name = 'x.pdf' and trashed != false`)).toEqual([inA.id]);
    // Default fields, and pages.
    const page1 = Drive.Files.list({ pageSize: 2 });
    expect(page1).toEqual({
      kind: 'drive#fileList',
      incompleteSearch: false,
      nextPageToken: expect.any(String),
      files: [
        { kind: 'drive#file', id: a, name: "O'Brien \\ 請求書", mimeType: FOLDER_MIME },
        { kind: 'drive#file', id: b, name: 'other', mimeType: FOLDER_MIME },
      ],
    });
    const page2 = Drive.Files.list({ pageSize: 2, pageToken: page1.nextPageToken });
    expect(page2.files).toHaveLength(2);
    expect(page2.nextPageToken).toBeUndefined();
    expect(Drive.Files.list({ q: `name = 'none'` }).files).toEqual([]);
  });

  it('refuses what the emulator cannot check with the API\'s "Invalid Value"', () => {
    const { Drive } = setup();
    for (const query of [
      "name = 'a",
      "name = 'a\\b'",
      'name = a',
      "modifiedTime > '2026-01-01T00:00:00'",
      "fullText contains 'x'",
      "name = 'a' and",
      "(name = 'a'",
      "'root' in owners",
      'trashed = maybe',
      "name = 'a' name = 'b'",
    ]) {
      expect(() => Drive.Files.list({ q: query })).toThrow(invalid);
    }
    expect(() => Drive.Files.list({ pageSize: 0 })).toThrow(invalid);
    expect(() => Drive.Files.list({ pageSize: 1001 })).toThrow(invalid);
    expect(() => Drive.Files.list({ pageToken: 'nope' })).toThrow(invalid);
    expect(() => Drive.Files.list({ fields: 'files(id' })).toThrow(
      'API call to drive.files.list failed with error: Invalid field selection files(id',
    );
    expect(() => Drive.Files.get('nope')).toThrow(
      'API call to drive.files.get failed with error: File not found: nope.',
    );
    expect(() => Drive.Files.create({ name: 'a', parents: ['nope'] })).toThrow(
      'API call to drive.files.create failed with error: File not found: nope.',
    );
    try {
      Drive.Files.get('nope');
    } catch (e) {
      expect((e as Error).name).toBe('GoogleJsonResponseException');
    }
  });

  it('parses the query subset on its own', () => {
    const p = compileDriveQuery('m', "name = 'a' AND NOT trashed = true", (id) => id);
    expect(typeof p).toBe('function');
    // Field names are case-sensitive; `==` is not an operator.
    expect(() => compileDriveQuery('m', "NAME = 'a'", (id) => id)).toThrow('Invalid Value');
    expect(() => compileDriveQuery('m', "name == 'a'", (id) => id)).toThrow('Invalid Value');
  });
});

describe('Drive advanced service (v3): scopes', () => {
  const SCOPES = ['https://www.googleapis.com/auth/drive.file'];

  it('with drive.file sees only what the app created through it', () => {
    const { ws, Drive } = setup({ oauthScopes: SCOPES });
    const own = folderIn(Drive, 'root', 'Pokke');
    const theirs = ws.DriveApp.createFolder('Pokke');
    ws.DriveApp.createFile('secret.txt', 'x');
    expect(Drive.Files.list({ q: "name = 'Pokke'" }).files?.map((f) => f.id)).toEqual([own]);
    expect(Drive.Files.list().files).toHaveLength(1);
    expect(() => Drive.Files.get(theirs.getId())).toThrow(`File not found: ${theirs.getId()}.`);
    expect(() => Drive.Files.create({ name: 'a', parents: [theirs.getId()] })).toThrow(
      'File not found',
    );
    // Without explicit scopes (Apps Script grants what the code uses) everything is visible.
    const open = setup();
    open.ws.DriveApp.createFolder('Pokke');
    expect(open.Drive.Files.list().files).toHaveLength(1);
  });

  it('with drive.file reads a file the user picked for the app, content included (alt=media)', () => {
    const { ws, Drive } = setup({ oauthScopes: SCOPES });
    const bytes = Buffer.from([0x94, 0x4e, 0x2c, 0x31, 0x0d, 0x0a]); // Shift_JIS 年,1
    const theirs = ws.DriveApp.createFile(ws.Utilities.newBlob([...bytes], 'text/csv', 'a.csv'));
    const id = theirs.getId();
    expect(() => Drive.Files.get(id, { alt: 'media' })).toThrow(`File not found: ${id}.`);
    expect(Drive.Files.list().files).toEqual([]);
    ws.advanced<DriveAdvancedEmulator>('drive').core.grantPicked(id);
    expect(Drive.Files.get(id, { fields: 'name,size' })).toEqual({ name: 'a.csv', size: '6' });
    const media = Drive.Files.get(id, { alt: 'media' }) as unknown as number[];
    expect(Buffer.from(media.map((b) => b & 0xff))).toEqual(bytes);
    // Google Docs have no content to download: they are exported.
    const doc = Drive.Files.create({
      name: 'memo',
      mimeType: 'application/vnd.google-apps.document',
    }).id as string;
    expect(() => Drive.Files.get(doc, { alt: 'media' })).toThrow(
      'Only files with binary content can be downloaded',
    );
  });

  it('fails a call whose scopes the manifest lacks', () => {
    const { Drive } = setup({ oauthScopes: ['https://www.googleapis.com/auth/drive.readonly'] });
    expect(Drive.Files.list().files).toEqual([]);
    expect(() => Drive.Files.create({ name: 'a' })).toThrow(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
  });
});

describe('Drive advanced service (v3): in a bundle', () => {
  const script = `
    function make() {
      var folder = Drive.Files.create({ name: 'Pokke', mimeType: 'application/vnd.google-apps.folder', parents: ['root'] });
      var found = Drive.Files.list({ q: "name = 'Pokke' and trashed = false", fields: 'files(id)', pageSize: 1 });
      return [folder.id === found.files[0].id, Array.isArray(found.files)];
    }
    function kind() { return typeof Drive; }
    function call() { return Drive.Files.list(); }`;

  it('exists only when the manifest enables it, under its userSymbol', () => {
    const without = loadBundle(script);
    expect(without.run('kind')).toBe('undefined');
    expect(() => without.run('call')).toThrow('Drive is not defined');
    try {
      without.run('call');
    } catch (e) {
      expect((e as Error).name).toBe('ReferenceError');
    }
    const bundle = loadBundle(script, {
      manifest: { dependencies: { enabledAdvancedServices: [DRIVE_V3] } },
    });
    expect(bundle.run('make')).toEqual([true, true]);
    expect(bundle.workspace.meter.counts()).toMatchObject({
      'Drive.Files.create': 1,
      'Drive.Files.list': 1,
    });
    const renamed = loadBundle(script.replace(/Drive\./g, 'DriveV3.'), {
      manifest: {
        dependencies: { enabledAdvancedServices: [{ ...DRIVE_V3, userSymbol: 'DriveV3' }] },
      },
    });
    expect(renamed.run('make')).toEqual([true, true]);
    expect(renamed.workspace.meter.counts()).toMatchObject({ 'DriveV3.Files.create': 1 });
  });

  it('refuses a manifest naming a version the emulator does not have', () => {
    expect(() =>
      loadBundle(script, {
        manifest: { dependencies: { enabledAdvancedServices: [{ ...DRIVE_V3, version: 'v2' }] } },
      }),
    ).toThrow('Advanced service not available in the emulator: drive v2');
  });

  it('models one REST round trip per call', () => {
    expect(latencyOf('Drive.Files.list')).toBe(250);
    expect(latencyOf('Drive.Files.create')).toBe(400);
    expect(latencyOf('Drive.Files.get')).toBe(150);
    expect(latencyOf('Drive.newFile')).toBe(0);
  });
});
