import { latencyOf } from '../../emulator/core/latency';
import { loadBundle } from '../../emulator/runtime';
import { MimeType } from '../../emulator/services/blob';
import { DRIVE_ERRORS, type DriveAppEmulator, type Folder } from '../../emulator/services/drive';
import { Workspace } from '../../emulator/workspace';

const FILE_URL = /^https:\/\/drive\.google\.com\/file\/d\/([A-Za-z0-9_-]{33})\/view\?usp=drivesdk$/;
const FOLDER_URL = /^https:\/\/drive\.google\.com\/drive\/folders\/([A-Za-z0-9_-]{33})$/;

/** Pokke's own pattern: one lookup per level, reuse what exists. */
function ensurePath(drive: DriveAppEmulator, parts: string[]): Folder {
  let folder = drive.getRootFolder();
  for (const name of parts) {
    const found = folder.getFoldersByName(name);
    folder = found.hasNext() ? found.next() : folder.createFolder(name);
  }
  return folder;
}

describe('DriveApp', () => {
  it('keeps folders in paths and gives Drive-shaped ids and URLs', () => {
    const ws = new Workspace();
    const month = ensurePath(ws.DriveApp, ['Pokke', '請求書', '2026', '11']);
    expect(ensurePath(ws.DriveApp, ['Pokke', '請求書', '2026', '11'])).toBe(month);
    expect(month.getUrl()).toMatch(FOLDER_URL);
    expect(month.getId()).toHaveLength(33);
    expect(month.getParents().next().getName()).toBe('2026');
    expect(ws.DriveApp.getRootFolder().getName()).toBe('My Drive');
    expect(ws.DriveApp.getRootFolder().getParents().hasNext()).toBe(false);
    expect(ws.DriveApp.getFolderById(month.getId())).toBe(month);
    expect(ws.DriveApp.allFolders().map((f) => f.path)).toEqual([
      'Pokke',
      'Pokke/請求書',
      'Pokke/請求書/2026',
      'Pokke/請求書/2026/11',
    ]);
    expect(ws.DriveApp.folderAt('Pokke/請求書/2026/11')).toBe(month);
  });

  it('saves an HTML→PDF blob that the playground can list and render', () => {
    const ws = new Workspace({ now: '2026-11-30T10:00:00+09:00' });
    const folder = ensurePath(ws.DriveApp, ['Pokke', '請求書', '2026', '11']);
    const html = '<h1>請求書</h1><p>合計 ¥11,000</p>';
    const pdf = ws.Utilities.newBlob(html, MimeType.HTML, 'x.html')
      .getAs(MimeType.PDF)
      .setName('20261130_株式会社サンプル_11000.pdf');
    const file = folder.createFile(pdf);
    expect(file.getUrl()).toMatch(FILE_URL);
    expect(FILE_URL.exec(file.getUrl())?.[1]).toBe(file.getId());
    expect(file.getMimeType()).toBe('application/pdf');
    expect(file.getName()).toBe('20261130_株式会社サンプル_11000.pdf');
    expect(file.getSize()).toBe(pdf.getBytes().length);
    expect(file.getDateCreated().toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(ws.DriveApp.getFileById(file.getId())).toBe(file);

    const [entry] = ws.DriveApp.allFiles();
    expect(entry).toMatchObject({
      name: '20261130_株式会社サンプル_11000.pdf',
      path: 'Pokke/請求書/2026/11/20261130_株式会社サンプル_11000.pdf',
      folderPath: 'Pokke/請求書/2026/11',
      mimeType: 'application/pdf',
      size: file.getSize(),
      url: file.getUrl(),
      trashed: false,
      sourceHtml: html,
    });
    expect(entry?.blob.getName()).toBe(file.getName());
    expect(ws.DriveApp.fileAt('Pokke/請求書/2026/11/20261130_株式会社サンプル_11000.pdf')).toBe(
      file,
    );
    // The file owns a copy: renaming the blob afterwards changes nothing in Drive.
    pdf.setName('other.pdf');
    expect(file.getBlob().getName()).toBe('20261130_株式会社サンプル_11000.pdf');
  });

  it('throws Apps Script’s message when an iterator is read past its end', () => {
    const ws = new Workspace();
    const none = ws.DriveApp.getRootFolder().getFilesByName('missing.pdf');
    expect(none.hasNext()).toBe(false);
    expect(() => none.next()).toThrow(
      'Cannot retrieve the next object: iterator has reached the end.',
    );
    ws.DriveApp.createFile('a.txt', 'A');
    const files = ws.DriveApp.getFiles();
    expect(files.next().getName()).toBe('a.txt');
    expect(() => files.next()).toThrow(DRIVE_ERRORS.iteratorEnd);
    expect(() => ws.DriveApp.getFoldersByName('x').next()).toThrow(DRIVE_ERRORS.iteratorEnd);
  });

  it('answers a missing id with the not-found message for files and folders alike', () => {
    const ws = new Workspace();
    const folder = ws.DriveApp.createFolder('Pokke');
    const message =
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
    expect(() => ws.DriveApp.getFileById('1nope')).toThrow(message);
    expect(() => ws.DriveApp.getFileById(folder.getId())).toThrow(message);
    expect(() => ws.DriveApp.getFolderById('1nope')).toThrow(message);
  });

  it('checks createFile’s arguments as Apps Script does', () => {
    const ws = new Workspace();
    const drive = ws.DriveApp;
    const text = drive.createFile('memo.txt', 'メモ');
    expect(text.getMimeType()).toBe('text/plain');
    expect(text.getBlob().getDataAsString()).toBe('メモ');
    expect(drive.createFile('a.csv', 'a,b', MimeType.CSV).getMimeType()).toBe('text/csv');
    expect(() => drive.createFile(ws.Utilities.newBlob('x'))).toThrow(
      'Blob object must have non-null name for this operation.',
    );
    expect(() => drive.createFile('doc', '', MimeType.GOOGLE_DOCS)).toThrow(
      'Invalid argument: file.contentType',
    );
    expect(() => (drive.createFile as (...a: unknown[]) => unknown)(null, '')).toThrow(
      'Invalid argument: name',
    );
    expect(() => (drive.createFile as (...a: unknown[]) => unknown)()).toThrow(
      "The parameters () don't match the method signature for DriveApp.createFile.",
    );
    const blob = ws.Utilities.newBlob('x', 'text/plain', 'x.txt');
    expect(() => (drive.createFile as (...a: unknown[]) => unknown)(blob, '')).toThrow(
      "The parameters (Blob,String) don't match the method signature for DriveApp.createFile.",
    );
  });

  it('lists trashed files until the script checks isTrashed(), as Drive does', () => {
    const ws = new Workspace();
    const folder = ws.DriveApp.createFolder('2026');
    const old = folder.createFile('a.pdf', 'old', MimeType.PDF);
    old.setTrashed(true);
    const fresh = folder.createFile('a.pdf', 'new', MimeType.PDF);
    const found = folder.getFilesByName('a.pdf');
    const listed = [found.next(), found.next()];
    expect(listed.map((f) => f.isTrashed())).toEqual([true, false]);
    expect(ws.DriveApp.getTrashedFiles().next()).toBe(old);
    expect(ws.DriveApp.fileAt('2026/a.pdf')).toBe(fresh);
    expect(() => ws.DriveApp.getRootFolder().setTrashed(true)).toThrow(DRIVE_ERRORS.rootAccess);
  });

  it('moves, copies, renames and describes files', () => {
    const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
    const a = ws.DriveApp.createFolder('a');
    const b = ws.DriveApp.createFolder('b');
    const file = a.createFile('f.txt', 'x');
    ws.clock.advance(60_000);
    file.setName('g.txt').setDescription('請求書 2026-11-0001');
    expect(file.getLastUpdated().getTime() - file.getDateCreated().getTime()).toBe(60_000);
    expect(file.getDescription()).toBe('請求書 2026-11-0001');
    file.moveTo(b);
    expect(a.getFiles().hasNext()).toBe(false);
    expect(b.getFiles().next()).toBe(file);
    const copy = file.makeCopy('h.txt', a);
    expect(copy.getId()).not.toBe(file.getId());
    expect(copy.getParents().next()).toBe(a);
    expect(file.makeCopy().getName()).toBe('g.txt');
    expect(() => (file.makeCopy as (...x: unknown[]) => unknown)(b, 'x')).toThrow(
      "The parameters (DriveApp.Folder,String) don't match the method signature for DriveApp.File.makeCopy.",
    );
    b.addFile(copy);
    const parents = copy.getParents();
    expect([parents.next().getName(), parents.next().getName()]).toEqual(['a', 'b']);
    a.removeFile(copy);
    expect(ws.DriveApp.allFiles().find((f) => f.id === copy.getId())?.path).toBe('b/h.txt');
  });

  it('resumes an iteration from a continuation token', () => {
    const ws = new Workspace();
    for (const n of ['1', '2', '3']) ws.DriveApp.createFile(`${n}.txt`, n);
    const it = ws.DriveApp.getFiles();
    it.next();
    const rest = ws.DriveApp.continueFileIterator(it.getContinuationToken());
    expect([rest.next().getName(), rest.next().getName(), rest.hasNext()]).toEqual([
      '2.txt',
      '3.txt',
      false,
    ]);
    expect(() => ws.DriveApp.continueFolderIterator(it.getContinuationToken())).toThrow(
      DRIVE_ERRORS.badToken,
    );
  });

  it('makes the same ids in the same order (stable fixtures and snapshots)', () => {
    const ids = () => {
      const ws = new Workspace();
      const f = ws.DriveApp.createFolder('x');
      return [f.getId(), f.createFile('a.txt', 'a').getId()];
    };
    expect(ids()).toEqual(ids());
  });

  it('uses no documentsCreated quota for files and one conversion per PDF', () => {
    const ws = new Workspace();
    const docs = ws.meter.remaining('documentsCreated');
    const conversions = ws.meter.remaining('conversions');
    const file = ws.DriveApp.createFile('a.html', '<p>x</p>', MimeType.HTML);
    const pdf = file.getAs(MimeType.PDF);
    expect(pdf.getName()).toBe('a.pdf');
    expect(pdf.sourceHtml).toBe('<p>x</p>');
    expect(ws.meter.remaining('documentsCreated')).toBe(docs);
    expect(ws.meter.remaining('conversions')).toBe(conversions - 1);
    expect(ws.DriveApp.getStorageUsed()).toBe(8);
  });

  it('counts every call made through ws.globals()', () => {
    const ws = new Workspace();
    const g = ws.globals() as { DriveApp: DriveAppEmulator };
    const start = ws.clock.now();
    const folder = g.DriveApp.getRootFolder().createFolder('Pokke');
    folder.createFile('a.txt', 'a').getUrl();
    const it = folder.getFiles();
    while (it.hasNext()) it.next();
    expect(ws.meter.counts()).toEqual({
      'DriveApp.FileIterator.hasNext': 2,
      'DriveApp.FileIterator.next': 1,
      'DriveApp.File.getUrl': 1,
      'DriveApp.Folder.createFile': 1,
      'DriveApp.Folder.createFolder': 1,
      'DriveApp.Folder.getFiles': 1,
      'DriveApp.getRootFolder': 1,
    });
    const modelled = Object.entries(ws.meter.counts()).reduce(
      (sum, [key, n]) => sum + latencyOf(key) * n,
      0,
    );
    expect(ws.clock.now() - start).toBe(modelled);
    expect(modelled).toBeGreaterThan(0);
  });

  it('works from a script in the vm realm: dates, errors and iterators', () => {
    const bundle = loadBundle(
      `function run() {
         var folder = DriveApp.createFolder('Pokke');
         var file = folder.createFile('a.txt', 'hello');
         var err;
         try { DriveApp.getFileById('nope'); } catch (e) { err = e; }
         return [file.getDateCreated() instanceof Date, err instanceof Error, String(err.message),
                 DriveApp.getFileById(file.getId()).getBlob().getDataAsString(),
                 folder.getFiles().next().getName()];
       }`,
    );
    expect(bundle.run('run')).toEqual([true, true, DRIVE_ERRORS.notFound, 'hello', 'a.txt']);
  });
});
