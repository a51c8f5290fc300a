/**
 * Invoice PDFs in Drive through the Drive advanced service (API v3) with the `drive.file` scope:
 * Pokke sees and touches only the files and folders it created itself. The folders
 * Pokke/請求書/YYYY/MM are looked up by name under their parent and created where missing.
 */

const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** A Drive folder Pokke created (`'root'` is My Drive). */
export interface DriveFolderRef {
  readonly id: string;
}

/** A Drive file Pokke created, with the link a person opens it with. */
export interface DriveFileRef {
  readonly id: string;
  readonly url: string;
}

/** A saved PDF, with the bytes to attach to its mail. */
export interface SavedPdf extends DriveFileRef {
  readonly blob: GoogleAppsScript.Base.Blob;
  /** The file was there already (an earlier run saved it before it stopped). */
  readonly existed: boolean;
}

function drive(): GoogleAppsScript.Drive {
  // The global exists only when the manifest enables the service (ReferenceError otherwise).
  return Drive as GoogleAppsScript.Drive;
}

/** A string literal of Drive's query language: `\` and `'` escaped. */
export function driveQueryString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The first child of `parentId` with this name and kind that is not in the trash. */
function findChild(
  parentId: string,
  name: string,
  mimeType: string,
  fields: string,
): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File | undefined {
  const q = [
    `name = ${driveQueryString(name)}`,
    `${driveQueryString(parentId)} in parents`,
    `mimeType = ${driveQueryString(mimeType)}`,
    'trashed = false',
  ].join(' and ');
  const list = drive().Files.list({ q, fields: `files(${fields})`, pageSize: 1 });
  return list.files?.[0];
}

/**
 * The folder at `parts` below My Drive, created where missing (e.g. Pokke/請求書/2026/11).
 * One lookup per level; an existing folder of the same name is reused, never duplicated.
 */
export function ensureFolderPath(parts: readonly string[]): DriveFolderRef {
  let id = 'root';
  for (const name of parts) {
    const found = findChild(id, name, FOLDER_MIME, 'id');
    // The default answer (kind, id, name, mimeType) carries the id.
    const folder = found ?? drive().Files.create({ name, mimeType: FOLDER_MIME, parents: [id] });
    id = String(folder.id);
  }
  return { id };
}

/** A file of that name and type in the folder, not in the trash, if any (for idempotent saves). */
export function findFile(
  folder: DriveFolderRef,
  name: string,
  mimeType = 'application/pdf',
): DriveFileRef | null {
  const found = findChild(folder.id, name, mimeType, 'id,webViewLink');
  return found ? { id: String(found.id), url: String(found.webViewLink) } : null;
}

/** A file of that name and type in the folder that is not in the trash, if any. */
export function findFileOfType(
  folder: DriveFolderRef,
  name: string,
  mimeType: string,
): DriveFileRef | null {
  const found = findChild(folder.id, name, mimeType, 'id,webViewLink');
  return found ? { id: String(found.id), url: String(found.webViewLink) } : null;
}

/** Names of the files in the folder (not in the trash) whose name contains `part`: one call. */
export function fileNamesContaining(folder: DriveFolderRef, part: string): string[] {
  const q = [
    `name contains ${driveQueryString(part)}`,
    `${driveQueryString(folder.id)} in parents`,
    'trashed = false',
  ].join(' and ');
  const list = drive().Files.list({ q, fields: 'files(name)', pageSize: 1000 });
  return (list.files ?? []).map((f) => String(f.name));
}

/**
 * Creates a file from bytes (0–255 each), as they are: Utilities.newBlob takes Java's signed
 * bytes, so each byte above 127 goes in as byte − 256.
 */
export function createFileFromBytes(
  folder: DriveFolderRef,
  name: string,
  mimeType: string,
  bytes: Uint8Array,
): DriveFileRef {
  const signed = Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
  const blob = Utilities.newBlob(signed, mimeType, name);
  const created = drive().Files.create({ name, parents: [folder.id], mimeType }, blob, {
    fields: 'id,webViewLink',
  });
  return { id: String(created.id), url: String(created.webViewLink) };
}

/** Converts an HTML document to a PDF blob (one file conversion from the daily quota). */
export function htmlToPdf(html: string, fileName: string): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(html, 'text/html', fileName.replace(/\.pdf$/i, '.html'))
    .getAs('application/pdf')
    .setName(fileName);
}

/**
 * Saves the PDF unless a file of the same name is already there; returns the file either way.
 * When it is already there (a run resumed after a crash) the PDF is made again from the same
 * HTML for the mail, instead of downloading it: drive.file allows the download, but what Apps
 * Script's `Files.get(id, {alt: 'media'})` returns is not documented.
 */
export function savePdfOnce(
  folder: DriveFolderRef,
  fileName: string,
  makePdf: () => GoogleAppsScript.Base.Blob,
): SavedPdf {
  const existing = findFile(folder, fileName);
  const blob = makePdf();
  if (existing) return { ...existing, blob, existed: true };
  const created = drive().Files.create(
    { name: fileName, parents: [folder.id], mimeType: 'application/pdf' },
    blob,
    { fields: 'id,webViewLink' },
  );
  return { id: String(created.id), url: String(created.webViewLink), blob, existed: false };
}

/**
 * Saves a received file (a receipt's PDF, photo or mail) under `fileName` unless a file of that
 * name and type is already in the folder; returns the file either way (a retried or repeated
 * save makes no second file). The blob is asked for only when it is saved.
 */
export function saveFileOnce(
  folder: DriveFolderRef,
  fileName: string,
  mimeType: string,
  blob: () => GoogleAppsScript.Base.Blob,
): DriveFileRef & { readonly existed: boolean } {
  const existing = findFile(folder, fileName, mimeType);
  if (existing) return { ...existing, existed: true };
  const created = drive().Files.create({ name: fileName, parents: [folder.id], mimeType }, blob(), {
    fields: 'id,webViewLink',
  });
  return { id: String(created.id), url: String(created.webViewLink), existed: false };
}
