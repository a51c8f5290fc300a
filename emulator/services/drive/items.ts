import { createHash } from 'node:crypto';
import { API_NAME, isEmulated, unwrap } from '../../core/instrument';
import type { Workspace } from '../../workspace';
import { Blob, blobOf } from '../blob';
import { User } from '../session';
import { QUALIFIED_NAMES, signatureError } from '../ui';
import type { Emulates } from './types';

QUALIFIED_NAMES.set('File', 'DriveApp.File');
QUALIFIED_NAMES.set('Folder', 'DriveApp.Folder');
QUALIFIED_NAMES.set('FileIterator', 'DriveApp.FileIterator');
QUALIFIED_NAMES.set('FolderIterator', 'DriveApp.FolderIterator');

/**
 * DriveApp's messages. "confirmed" ones were seen in scripts and issues that hit them on a real
 * account; "chosen" ones are the emulator's own wording and must be checked on a real deployment.
 */
export const DRIVE_ERRORS = {
  /** confirmed (getFileById / getFolderById, 2024 wording) */
  notFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  /** confirmed (FileIterator / FolderIterator `next()` past the end) */
  iteratorEnd: 'Cannot retrieve the next object: iterator has reached the end.',
  /** confirmed (createFile(blob) with a nameless blob) */
  blobWithoutName: 'Blob object must have non-null name for this operation.',
  /** confirmed (createFile with a Google Docs/Sheets MIME type) */
  googleContentType: 'Invalid argument: file.contentType',
  /** confirmed (createFile(null, content)) */
  invalidName: 'Invalid argument: name',
  /** chosen: trashing, renaming or moving the root folder */
  rootAccess: 'Access denied: DriveApp.',
  /** chosen: continueFileIterator / continueFolderIterator with a token it did not make */
  badToken: 'Invalid argument: continuationToken',
} as const;

/** Drive's free storage (15 GB), what getStorageLimit() answers. */
export const STORAGE_LIMIT_BYTES = 15 * 1024 * 1024 * 1024;

/** State shared by DriveApp and every file and folder of one workspace. */
export class DriveStore {
  readonly items = new Map<string, File | Folder>();
  /** Emulator-only: files the user put in Drive themselves (demo data), not made by the script. */
  readonly userUploads = new Set<string>();
  readonly root: Folder;
  private seq = 0;

  constructor(readonly ws: Workspace) {
    const hash = createHash('sha256').update('pokke-drive:root').digest('base64url');
    this.root = new Folder(this, `0A${hash.slice(0, 13)}Uk9PVA`, 'My Drive', null);
    this.items.set(this.root.id, this.root);
  }

  now(): number {
    return this.ws.clock.now();
  }

  /** A Drive-like id: 33 characters, stable for a given creation order. */
  newId(): string {
    const n = this.seq++;
    return `1${createHash('sha256').update(`pokke-drive:${n}`).digest('base64url').slice(0, 32)}`;
  }

  add<T extends File | Folder>(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  /** A file the user uploaded to My Drive (outside any script), with an id stable by name. */
  upload(name: string, mimeType: string, blob: Blob): File {
    const id = `1${createHash('sha256').update(`pokke-drive:upload:${name}`).digest('base64url').slice(0, 32)}`;
    const file = this.add(new File(this, id, name, this.root, mimeType, blob));
    this.userUploads.add(id);
    return file;
  }

  files(): File[] {
    return [...this.items.values()].filter((i): i is File => i instanceof File);
  }

  folders(): Folder[] {
    return [...this.items.values()].filter(
      (i): i is Folder => i instanceof Folder && i !== this.root,
    );
  }

  childrenOf(folder: Folder): (File | Folder)[] {
    return [...this.items.values()].filter((i) => i.parents.has(folder.id));
  }

  /** `Pokke/請求書/2026/11` for a folder (My Drive itself is ''), following first parents. */
  pathOf(item: File | Folder): string {
    const names: string[] = [];
    const seen = new Set<string>();
    let current: File | Folder | undefined = item;
    while (current && current !== this.root && !seen.has(current.id)) {
      seen.add(current.id);
      names.unshift(current.name);
      const parentId: string | undefined = current.parents.values().next().value;
      current = parentId === undefined ? undefined : this.items.get(parentId);
    }
    return names.join('/');
  }
}

/** A folder argument, or Apps Script's signature error. */
export function folderArg(method: string, args: readonly unknown[], value: unknown): Folder {
  const f = unwrap(value);
  if (f instanceof Folder) return f;
  throw signatureError(method, args);
}

/** A file argument, or Apps Script's signature error. */
export function fileArg(method: string, args: readonly unknown[], value: unknown): File {
  const f = unwrap(value);
  if (f instanceof File) return f;
  throw signatureError(method, args);
}

/** What File and Folder share: identity, name, parents, dates, trash, star, description. */
abstract class DriveItem {
  readonly parents = new Set<string>();
  readonly created: number;
  updated: number;
  trashed = false;
  starred = false;
  description: string | null = null;

  constructor(
    protected readonly store: DriveStore,
    readonly id: string,
    public name: string,
    parent: Folder | null,
  ) {
    this.created = store.now();
    this.updated = this.created;
    if (parent) this.parents.add(parent.id);
  }

  protected abstract readonly className: 'File' | 'Folder';

  protected touch(): void {
    this.updated = this.store.now();
  }

  protected guardRoot(): void {
    if ((this as unknown) === this.store.root) throw new Error(DRIVE_ERRORS.rootAccess);
  }

  toString(): string {
    return this.name;
  }

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): this {
    this.guardRoot();
    if (name === null || name === undefined) throw new Error(DRIVE_ERRORS.invalidName);
    this.name = String(name);
    this.touch();
    return this;
  }

  getDescription(): string | null {
    return this.description;
  }

  setDescription(description: string): this {
    this.description = description === null ? null : String(description);
    this.touch();
    return this;
  }

  getDateCreated(): Date {
    return new Date(this.created);
  }

  getLastUpdated(): Date {
    return new Date(this.updated);
  }

  getOwner(): User {
    return new User(this.store.ws.user.email);
  }

  getParents(): FolderIterator {
    const parents = [...this.parents]
      .map((id) => this.store.items.get(id))
      .filter((f): f is Folder => f instanceof Folder);
    return new FolderIterator(parents);
  }

  /** Trashed items stay in their folders and in every iterator, as Drive lists them. */
  isTrashed(): boolean {
    return this.trashed;
  }

  setTrashed(trashed: boolean): this {
    this.guardRoot();
    this.trashed = Boolean(trashed);
    this.touch();
    return this;
  }

  isStarred(): boolean {
    return this.starred;
  }

  setStarred(starred: boolean): this {
    this.guardRoot();
    this.starred = Boolean(starred);
    return this;
  }

  /** Moves the item into `destination`, out of all its other parents. */
  moveTo(...args: [destination: Folder]): this {
    const dest = folderArg(`DriveApp.${this.className}.moveTo`, args, args[0]);
    this.guardRoot();
    this.parents.clear();
    this.parents.add(dest.id);
    this.touch();
    return this;
  }
}

type GFile = GoogleAppsScript.Drive.File;
type FileMethods =
  | 'getAs'
  | 'getBlob'
  | 'getDateCreated'
  | 'getDescription'
  | 'getDownloadUrl'
  | 'getId'
  | 'getLastUpdated'
  | 'getMimeType'
  | 'getName'
  | 'getOwner'
  | 'getParents'
  | 'getSize'
  | 'getUrl'
  | 'isStarred'
  | 'isTrashed'
  | 'makeCopy'
  | 'moveTo'
  | 'setContent'
  | 'setDescription'
  | 'setName'
  | 'setStarred'
  | 'setTrashed';

/** A file in the emulated Drive. Its bytes are a Blob the file owns (PDFs keep `sourceHtml`). */
export class File extends DriveItem implements Emulates<GFile, FileMethods> {
  readonly [API_NAME] = 'File';
  protected readonly className = 'File';

  constructor(
    store: DriveStore,
    id: string,
    name: string,
    parent: Folder | null,
    public mimeType: string,
    /** Emulator-only: the stored bytes (not counted). */
    public data: Blob,
  ) {
    super(store, id, name, parent);
  }

  getMimeType(): string {
    return this.mimeType;
  }

  getSize(): number {
    return this.data.raw().length;
  }

  getUrl(): string {
    return `https://drive.google.com/file/d/${this.id}/view?usp=drivesdk`;
  }

  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.id}&export=download`;
  }

  /** A copy of the file's bytes, named and typed as the file is. */
  getBlob(): Blob {
    return this.data.copyBlob().setName(this.name).setContentType(this.mimeType);
  }

  /** Conversion as Blob.getAs does it (a PDF uses one unit of the daily conversions quota). */
  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }

  /** Replaces the content with text (Apps Script calls toString() on anything else). */
  setContent(content: string): File {
    const blob = new Blob(this.store.ws, String(content), this.mimeType, this.name);
    this.data = blob;
    this.touch();
    return this;
  }

  /**
   * A copy in the same folders (or `destination`), keeping the name unless one is given. Copying
   * a plain file uses no `documentsCreated` quota (only Docs/Sheets/Slides creation counts).
   */
  makeCopy(
    ...args: [] | [destination: Folder] | [name: string] | [name: string, destination: Folder]
  ): File {
    const method = 'DriveApp.File.makeCopy';
    const [a, b] = args as unknown[];
    let name = this.name;
    let parents = [...this.parents];
    const ua = unwrap(a);
    if (a === undefined || a === null) {
      if (b !== undefined && b !== null) throw signatureError(method, args);
    } else if (ua instanceof Folder) {
      if (b !== undefined) throw signatureError(method, args);
      parents = [ua.id];
    } else if (typeof a === 'string' && a !== '') {
      name = a;
      if (b !== undefined && b !== null) parents = [folderArg(method, args, b).id];
    } else {
      throw signatureError(method, args);
    }
    const copy = new File(
      this.store,
      this.store.newId(),
      name,
      null,
      this.mimeType,
      this.data.copyBlob(),
    );
    for (const p of parents) copy.parents.add(p);
    copy.description = this.description;
    return this.store.add(copy);
  }
}

type GFolder = GoogleAppsScript.Drive.Folder;
type FolderMethods =
  | 'addFile'
  | 'addFolder'
  | 'createFile'
  | 'createFolder'
  | 'getDateCreated'
  | 'getDescription'
  | 'getFiles'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFolders'
  | 'getFoldersByName'
  | 'getId'
  | 'getLastUpdated'
  | 'getName'
  | 'getOwner'
  | 'getParents'
  | 'getSize'
  | 'getUrl'
  | 'isStarred'
  | 'isTrashed'
  | 'moveTo'
  | 'removeFile'
  | 'removeFolder'
  | 'setDescription'
  | 'setName'
  | 'setStarred'
  | 'setTrashed';

export type CreateFileArgs =
  | [blob: GoogleAppsScript.Base.BlobSource]
  | [name: string, content: string]
  | [name: string, content: string, mimeType: string];

/** A folder of the emulated Drive (the root is "My Drive"). Names need not be unique. */
export class Folder extends DriveItem implements Emulates<GFolder, FolderMethods> {
  readonly [API_NAME] = 'Folder';
  protected readonly className = 'Folder';

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }

  /** Folders take no storage of their own. */
  getSize(): number {
    return 0;
  }

  createFolder(name: string): Folder {
    return this.store.add(
      new Folder(this.store, this.store.newId(), name === null ? '' : String(name), this),
    );
  }

  createFile(...args: CreateFileArgs): File {
    return createFileIn(this.store, this, 'DriveApp.Folder.createFile', args);
  }

  private children(): (File | Folder)[] {
    return this.store.childrenOf(this);
  }

  getFiles(): FileIterator {
    return new FileIterator(this.children().filter((i): i is File => i instanceof File));
  }

  getFilesByName(name: string): FileIterator {
    const n = String(name);
    return new FileIterator(
      this.children().filter((i): i is File => i instanceof File && i.name === n),
    );
  }

  getFilesByType(mimeType: string): FileIterator {
    const t = String(mimeType);
    return new FileIterator(
      this.children().filter((i): i is File => i instanceof File && i.mimeType === t),
    );
  }

  getFolders(): FolderIterator {
    return new FolderIterator(this.children().filter((i): i is Folder => i instanceof Folder));
  }

  getFoldersByName(name: string): FolderIterator {
    const n = String(name);
    return new FolderIterator(
      this.children().filter((i): i is Folder => i instanceof Folder && i.name === n),
    );
  }

  /** Adds a parent to the file; it stays in its other folders too. */
  addFile(...args: [child: File]): Folder {
    fileArg('DriveApp.Folder.addFile', args, args[0]).parents.add(this.id);
    return this;
  }

  addFolder(...args: [child: Folder]): Folder {
    folderArg('DriveApp.Folder.addFolder', args, args[0]).parents.add(this.id);
    return this;
  }

  removeFile(...args: [child: File]): Folder {
    fileArg('DriveApp.Folder.removeFile', args, args[0]).parents.delete(this.id);
    return this;
  }

  removeFolder(...args: [child: Folder]): Folder {
    folderArg('DriveApp.Folder.removeFolder', args, args[0]).parents.delete(this.id);
    return this;
  }
}

/** Folder.createFile / DriveApp.createFile, with Apps Script's argument checks. */
export function createFileIn(
  store: DriveStore,
  folder: Folder,
  method: string,
  args: readonly unknown[],
): File {
  let blob: Blob;
  let name: string;
  let mimeType: string;
  const [first, content, type] = args;
  if (args.length === 1 && typeof first === 'object' && first !== null && isBlobSource(first)) {
    blob = blobOf(store.ws, unwrap(first) as GoogleAppsScript.Base.BlobSource).copyBlob();
    const blobName = blob.getName();
    if (blobName === null || blobName === '') throw new Error(DRIVE_ERRORS.blobWithoutName);
    name = blobName;
    mimeType = blob.getContentType() ?? 'application/octet-stream';
  } else if (args.length === 2 || args.length === 3) {
    if (isBlobSource(first)) throw signatureError(method, args);
    if (first === null || first === undefined) throw new Error(DRIVE_ERRORS.invalidName);
    if (typeof first !== 'string') throw signatureError(method, args);
    name = first;
    mimeType = args.length === 3 ? String(type) : 'text/plain';
    blob = new Blob(store.ws, content === null ? '' : String(content), mimeType, name);
  } else {
    throw signatureError(method, args);
  }
  if (mimeType.startsWith('application/vnd.google-apps.')) {
    throw new Error(DRIVE_ERRORS.googleContentType);
  }
  blob.setContentType(mimeType).setName(name);
  return store.add(new File(store, store.newId(), name, folder, mimeType, blob));
}

function isBlobSource(v: unknown): boolean {
  const u = unwrap(v);
  return isEmulated(u) && typeof (u as { getBlob?: unknown }).getBlob === 'function';
}

type Token = { k: 'File' | 'Folder'; ids: string[] };

function encodeToken(token: Token): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

/** The ids a continuation token holds, or Apps Script's error for a token it never made. */
export function decodeToken(token: string, kind: Token['k']): string[] {
  try {
    const t = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as Token;
    if (t.k === kind && Array.isArray(t.ids) && t.ids.every((i) => typeof i === 'string')) {
      return t.ids;
    }
  } catch {
    // fall through
  }
  throw new Error(DRIVE_ERRORS.badToken);
}

/**
 * Apps Script's iterators. The emulator takes a snapshot when the iterator is made, in creation
 * order (Drive's own order is unspecified); trashed items are included, as Drive lists them.
 */
abstract class DriveIterator<T extends File | Folder> {
  private pos = 0;

  constructor(private readonly items: readonly T[]) {}

  protected abstract readonly kind: Token['k'];

  hasNext(): boolean {
    return this.pos < this.items.length;
  }

  next(): T {
    const item = this.items[this.pos];
    if (item === undefined) throw new Error(DRIVE_ERRORS.iteratorEnd);
    this.pos += 1;
    return item;
  }

  /** A token for `DriveApp.continueFileIterator` that resumes after the last `next()`. */
  getContinuationToken(): string {
    return encodeToken({ k: this.kind, ids: this.items.slice(this.pos).map((i) => i.id) });
  }
}

export class FileIterator
  extends DriveIterator<File>
  implements
    Emulates<GoogleAppsScript.Drive.FileIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  readonly [API_NAME] = 'FileIterator';
  protected readonly kind = 'File';
}

export class FolderIterator
  extends DriveIterator<Folder>
  implements
    Emulates<GoogleAppsScript.Drive.FolderIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  readonly [API_NAME] = 'FolderIterator';
  protected readonly kind = 'Folder';
}
