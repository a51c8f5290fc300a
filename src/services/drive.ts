type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

/**
 * The folder at `parts` below My Drive, created where missing (e.g. Pokke/請求書/2026/11).
 * One lookup per level; an existing folder of the same name is reused, never duplicated.
 */
export function ensureFolderPath(parts: readonly string[]): Folder {
  let folder = DriveApp.getRootFolder();
  for (const name of parts) {
    const found = folder.getFoldersByName(name);
    folder = found.hasNext() ? found.next() : folder.createFolder(name);
  }
  return folder;
}

/** A file of that name in the folder that is not in the trash, if any (for idempotent saves). */
export function findFile(folder: Folder, name: string): File | null {
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const file = files.next();
    if (!file.isTrashed()) return file;
  }
  return null;
}

/** Converts an HTML document to a PDF blob (one file conversion from the daily quota). */
export function htmlToPdf(html: string, fileName: string): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(html, 'text/html', fileName.replace(/\.pdf$/i, '.html'))
    .getAs('application/pdf')
    .setName(fileName);
}

/** Saves the PDF unless a file of the same name is already there; returns the file either way. */
export function savePdfOnce(
  folder: Folder,
  fileName: string,
  makePdf: () => GoogleAppsScript.Base.Blob,
): File {
  return findFile(folder, fileName) ?? folder.createFile(makePdf());
}
