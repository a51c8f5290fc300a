import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';
import type { Blob } from './blob';
import {
  type CreateFileArgs,
  createFileIn,
  DRIVE_ERRORS,
  DriveStore,
  decodeToken,
  File,
  FileIterator,
  Folder,
  FolderIterator,
  fileArg,
  folderArg,
  STORAGE_LIMIT_BYTES,
} from './drive/items';
import type { Emulates } from './drive/types';

export {
  DRIVE_ERRORS,
  File,
  FileIterator,
  Folder,
  FolderIterator,
  STORAGE_LIMIT_BYTES,
} from './drive/items';

type GDriveApp = GoogleAppsScript.Drive.DriveApp;
type DriveAppMethods =
  | 'addFile'
  | 'addFolder'
  | 'continueFileIterator'
  | 'continueFolderIterator'
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFolderById'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getRootFolder'
  | 'getStorageLimit'
  | 'getStorageUsed'
  | 'getTrashedFiles'
  | 'getTrashedFolders'
  | 'removeFile'
  | 'removeFolder';

/** Emulator-only: one file of the Drive, as the playground's outbox and tests list it. */
export interface DriveFileEntry {
  readonly id: string;
  readonly name: string;
  /** From My Drive, first parents: `Pokke/請求書/2026/11/20261130_株式会社サンプル_11000.pdf`. */
  readonly path: string;
  /** The folder part of `path` (`''` for a file in My Drive or in no folder). */
  readonly folderPath: string;
  readonly mimeType: string;
  readonly size: number;
  readonly url: string;
  readonly trashed: boolean;
  readonly description: string | null;
  readonly created: Date;
  readonly updated: Date;
  /** A copy of the bytes, named and typed as the file. */
  readonly blob: Blob;
  /** For an emulated PDF: the HTML it was converted from (the playground renders it). */
  readonly sourceHtml: string | undefined;
}

/** Emulator-only: one folder of the Drive. */
export interface DriveFolderEntry {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly url: string;
  readonly trashed: boolean;
}

/**
 * `DriveApp`: the user's Drive, in memory. Ids are Drive-like (33 characters) and stable for a
 * given order of creation. Iterators list trashed items too, as Drive does: a script that must
 * skip them checks `isTrashed()`. Creating files uses no daily quota (only creating Docs, Sheets
 * or Slides counts against `documentsCreated`, and DriveApp cannot create those from content);
 * `getAs('application/pdf')` uses one `conversions` unit.
 *
 * Emulator-only (on the raw object, uncounted): `allFiles()`, `allFolders()`, `fileAt(path)`,
 * `folderAt(path)`, and `store`.
 */
export class DriveAppEmulator implements Emulates<GDriveApp, DriveAppMethods> {
  readonly [API_NAME] = 'DriveApp';
  /** Emulator-only: every file and folder. */
  readonly store: DriveStore;

  constructor(ws: Workspace) {
    this.store = new DriveStore(ws);
  }

  toString(): string {
    return 'Drive';
  }

  getRootFolder(): Folder {
    return this.store.root;
  }

  getFileById(id: string): File {
    const item = this.store.items.get(String(id));
    if (!(item instanceof File)) throw new Error(DRIVE_ERRORS.notFound);
    return item;
  }

  getFolderById(id: string): Folder {
    const item = this.store.items.get(String(id));
    if (!(item instanceof Folder)) throw new Error(DRIVE_ERRORS.notFound);
    return item;
  }

  /** Every file of the Drive, in any folder, trashed ones included. */
  getFiles(): FileIterator {
    return new FileIterator(this.store.files());
  }

  getFilesByName(name: string): FileIterator {
    const n = String(name);
    return new FileIterator(this.store.files().filter((f) => f.name === n));
  }

  getFilesByType(mimeType: string): FileIterator {
    const t = String(mimeType);
    return new FileIterator(this.store.files().filter((f) => f.mimeType === t));
  }

  /** Every folder of the Drive except My Drive itself. */
  getFolders(): FolderIterator {
    return new FolderIterator(this.store.folders());
  }

  getFoldersByName(name: string): FolderIterator {
    const n = String(name);
    return new FolderIterator(this.store.folders().filter((f) => f.name === n));
  }

  getTrashedFiles(): FileIterator {
    return new FileIterator(this.store.files().filter((f) => f.trashed));
  }

  getTrashedFolders(): FolderIterator {
    return new FolderIterator(this.store.folders().filter((f) => f.trashed));
  }

  continueFileIterator(continuationToken: string): FileIterator {
    const ids = decodeToken(continuationToken, 'File');
    return new FileIterator(
      ids.map((id) => this.store.items.get(id)).filter((i): i is File => i instanceof File),
    );
  }

  continueFolderIterator(continuationToken: string): FolderIterator {
    const ids = decodeToken(continuationToken, 'Folder');
    return new FolderIterator(
      ids.map((id) => this.store.items.get(id)).filter((i): i is Folder => i instanceof Folder),
    );
  }

  /** A folder in My Drive. */
  createFolder(name: string): Folder {
    return this.store.root.createFolder(name);
  }

  /** A file in My Drive: from a blob (named), or from text with an optional MIME type. */
  createFile(...args: CreateFileArgs): File {
    return createFileIn(this.store, this.store.root, 'DriveApp.createFile', args);
  }

  addFile(...args: [child: File]): Folder {
    fileArg('DriveApp.addFile', args, args[0]).parents.add(this.store.root.id);
    return this.store.root;
  }

  addFolder(...args: [child: Folder]): Folder {
    folderArg('DriveApp.addFolder', args, args[0]).parents.add(this.store.root.id);
    return this.store.root;
  }

  removeFile(...args: [child: File]): Folder {
    fileArg('DriveApp.removeFile', args, args[0]).parents.delete(this.store.root.id);
    return this.store.root;
  }

  removeFolder(...args: [child: Folder]): Folder {
    folderArg('DriveApp.removeFolder', args, args[0]).parents.delete(this.store.root.id);
    return this.store.root;
  }

  getStorageLimit(): number {
    return STORAGE_LIMIT_BYTES;
  }

  getStorageUsed(): number {
    return this.store.files().reduce((sum, f) => sum + f.getSize(), 0);
  }

  // ---- emulator-only ----------------------------------------------------------------------

  /** Emulator-only: every file with its path, type, size and bytes, in creation order. */
  allFiles(): DriveFileEntry[] {
    return this.store.files().map((f) => {
      const path = this.store.pathOf(f);
      const blob = f.getBlob();
      return {
        id: f.id,
        name: f.name,
        path,
        folderPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
        mimeType: f.mimeType,
        size: f.getSize(),
        url: f.getUrl(),
        trashed: f.trashed,
        description: f.description,
        created: new Date(f.created),
        updated: new Date(f.updated),
        blob,
        sourceHtml: blob.sourceHtml,
      };
    });
  }

  /** Emulator-only: every folder except My Drive, with its path. */
  allFolders(): DriveFolderEntry[] {
    return this.store.folders().map((f) => ({
      id: f.id,
      name: f.name,
      path: this.store.pathOf(f),
      url: f.getUrl(),
      trashed: f.trashed,
    }));
  }

  /** Emulator-only: the first file not in the trash at that path (`Pokke/請求書/2026/11/a.pdf`). */
  fileAt(path: string): File | undefined {
    return this.store.files().find((f) => !f.trashed && this.store.pathOf(f) === path);
  }

  /** Emulator-only: the first folder not in the trash at that path. */
  folderAt(path: string): Folder | undefined {
    return this.store.folders().find((f) => !f.trashed && this.store.pathOf(f) === path);
  }
}
