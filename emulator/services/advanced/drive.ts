import { API_NAME, isEmulated, unwrap } from '../../core/instrument';
import { DOC_CONVERSION_RULE } from '../../core/latency';
import type { Workspace } from '../../workspace';
import { Blob, blobOf, emulatedPdfHtml } from '../blob';
import { convertToDocText, GOOGLE_DOC_MIME, UnreadablePdf } from '../drive/conversion';
import { type DriveStore, File, Folder } from '../drive/items';
import {
  apiError,
  applyFields,
  hasScope,
  pageToken,
  parseFields,
  readPageToken,
  requireScope,
} from './common';

/**
 * The Drive advanced service (`Drive`, Drive API v3), over the same store as DriveApp: a file
 * made here is a DriveApp file too (the playground's outbox, `.eml` exports and tests see it),
 * and the other way round.
 *
 * Modelled (developers.google.com/drive/api/reference/rest/v3/files):
 * - `Files.list({q, fields, pageSize, pageToken, orderBy})`. `q` supports the subset scripts use
 *   here — `name = / != / contains 'x'`, `mimeType = / != 'x'`, `'id' in parents` (`'root'`
 *   included), `trashed = / != true|false`, `starred = …`, `and`, `or`, `not`, parentheses —
 *   with Drive's escapes (`\'`, `\\`). Anything else is refused with the API's `Invalid Value`,
 *   so a query this emulator cannot check never passes silently. Without `trashed = false` a
 *   query also lists trashed files, as Drive does. `pageSize` 1–1000, default 100.
 * - `Files.create(resource, mediaData?, optionalArgs?)`: folders (`mimeType` of a folder) and
 *   files with or without content; one parent at most (`root` when none is given). With the
 *   Google Docs mime type the media is converted to a Doc whose text is the file's text
 *   (drive/conversion.ts: PDF.js for a PDF, tesseract OCR for an image, `ocrLanguage` 'ja' or
 *   'en'); each page read costs the conversion's modelled time (core/latency.ts). The Doc's text
 *   is read back through the API's export (UrlFetchApp, services/urlfetch.ts).
 * - `Files.get(fileId, {fields})`: the metadata; `Files.get(fileId, {alt: 'media'})`: the file's
 *   content (developers.google.com/drive/api/reference/rest/v3/files/get: "If you provide the URL
 *   parameter alt=media, then the response includes the file contents in the response body"),
 *   for a file stored in Drive (a Google Doc answers with the API's error; export it instead).
 * - `Files.remove(fileId)`: deletes for good (no trash), a folder with everything in it.
 * - Default fields: `kind,id,name,mimeType` for a file, `kind,incompleteSearch,files(...)` and
 *   `nextPageToken` for a list; `fields` selects others (`webViewLink`, `parents`, `*`…).
 * - Scopes: with `drive.file` only (no `drive`, `drive.readonly`…), files the app did not create
 *   through this service, and the user did not pick for it in the Google Picker, are invisible
 *   (lists skip them, `get` and parents answer `File not found: <id>.`), as Google documents for
 *   drive.file ("files that the user has opened or created with the app"; a file picked in a
 *   Picker built with `setAppId` is opened with the app). A call whose scopes the manifest lacks
 *   fails with `Request had insufficient authentication scopes.`
 *
 * Chosen (unconfirmed): the list order without `orderBy` is creation order; `name contains` is a
 * case-insensitive substring test (Drive matches name prefixes of words); the error for more than
 * one parent is `Invalid Value`; `alt: 'media'` returns the bytes as Apps Script's `Byte[]` (Java's
 * signed bytes; Apps Script documents no return type for it: Pokke's adapter takes a Blob, bytes
 * or a string alike); a PDF that cannot be read fails the upload with
 * `The uploaded file could not be converted.` (Drive's own answer is undocumented); converting to
 * a Doc uses none of Apps Script's daily quotas (it is a Drive API call, under the API's quotas).
 *
 * Emulator-only (on the raw object, uncounted): `core` (`store`, `appCreated`, `picked`,
 * `grantPicked(id)`: what the Google Picker does when the user picks a file for the app).
 */

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type DriveFileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export const DRIVE_V3_ERRORS = {
  invalidValue: 'Invalid Value',
  notFound: (id: string) => `File not found: ${id}.`,
  notConverted: 'The uploaded file could not be converted.',
  /** The Drive API's answer to alt=media on a Google Docs file (files.get reference). */
  notDownloadable:
    'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
} as const;

/** Scopes that see every file (drive.file sees only the app's own). */
const WIDE_SCOPES = [
  'drive',
  'drive.readonly',
  'drive.metadata',
  'drive.metadata.readonly',
] as const;
const READ_SCOPES = [...WIDE_SCOPES, 'drive.file', 'drive.appdata'] as const;
const WRITE_SCOPES = ['drive', 'drive.file', 'drive.appdata'] as const;

const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
const DEFAULT_LIST_FIELDS = `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FILE_FIELDS})`;

// ---- the query language ------------------------------------------------------------------------

type Item = File | Folder;
type Predicate = (item: Item) => boolean;

interface Token {
  readonly kind: 'string' | 'word' | 'op' | 'paren';
  readonly text: string;
}

function tokenize(method: string, q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const invalid = () => apiError(method, DRIVE_V3_ERRORS.invalidValue);
  while (i < q.length) {
    const ch = q[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'") {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= q.length) throw invalid();
        const c = q[i] as string;
        if (c === '\\') {
          const next = q[i + 1];
          if (next !== "'" && next !== '\\') throw invalid();
          text += next;
          i += 2;
        } else if (c === "'") {
          i += 1;
          break;
        } else {
          text += c;
          i += 1;
        }
      }
      out.push({ kind: 'string', text });
    } else if (ch === '(' || ch === ')') {
      out.push({ kind: 'paren', text: ch });
      i += 1;
    } else if (/[=!<>]/.test(ch)) {
      const m = /^(!=|<=|>=|=|<|>)/.exec(q.slice(i));
      if (!m) throw invalid();
      out.push({ kind: 'op', text: m[0] });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i));
      if (!m) throw invalid();
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Compiles a Drive v3 query of the supported subset; anything else throws `Invalid Value`. */
export function compileDriveQuery(
  method: string,
  q: string,
  resolveId: (id: string) => string,
): Predicate {
  const tokens = tokenize(method, q);
  let pos = 0;
  const invalid = () => apiError(method, DRIVE_V3_ERRORS.invalidValue);
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, w: string) =>
    t?.kind === 'word' && t.text.toLowerCase() === w;
  const next = (): Token => {
    const t = tokens[pos];
    if (!t) throw invalid();
    pos += 1;
    return t;
  };

  const bool = (t: Token): boolean => {
    if (isWord(t, 'true')) return true;
    if (isWord(t, 'false')) return false;
    throw invalid();
  };

  const condition = (): Predicate => {
    const first = next();
    if (first.kind === 'string') {
      if (!isWord(next(), 'in')) throw invalid();
      const field = next();
      if (!isWord(field, 'parents')) throw invalid();
      const id = resolveId(first.text);
      return (item) => item.parents.has(id);
    }
    if (first.kind !== 'word') throw invalid();
    const field = first.text;
    const op = next();
    const value = next();
    const opText = op.kind === 'op' ? op.text : op.kind === 'word' ? op.text.toLowerCase() : '';
    const negate = opText === '!=';
    const withNegation = (p: Predicate): Predicate => (negate ? (x) => !p(x) : p);
    switch (field) {
      case 'name':
        if (value.kind !== 'string') throw invalid();
        if (opText === '=' || opText === '!=') return withNegation((x) => x.name === value.text);
        if (opText === 'contains') {
          const needle = value.text.toLowerCase();
          return (x) => x.name.toLowerCase().includes(needle);
        }
        throw invalid();
      case 'mimeType':
        if (value.kind !== 'string' || (opText !== '=' && opText !== '!=')) throw invalid();
        return withNegation((x) => mimeTypeOf(x) === value.text);
      case 'trashed':
      case 'starred': {
        if (opText !== '=' && opText !== '!=') throw invalid();
        const want = bool(value);
        return withNegation((x) => (field === 'trashed' ? x.trashed : x.starred) === want);
      }
      default:
        throw invalid();
    }
  };

  const unary = (): Predicate => {
    if (isWord(peek(), 'not')) {
      pos += 1;
      const p = unary();
      return (x) => !p(x);
    }
    if (peek()?.kind === 'paren' && peek()?.text === '(') {
      pos += 1;
      const p = orExpr();
      const close = next();
      if (close.kind !== 'paren' || close.text !== ')') throw invalid();
      return p;
    }
    return condition();
  };

  const andExpr = (): Predicate => {
    const parts = [unary()];
    while (isWord(peek(), 'and')) {
      pos += 1;
      parts.push(unary());
    }
    return (x) => parts.every((p) => p(x));
  };

  const orExpr = (): Predicate => {
    const parts = [andExpr()];
    while (isWord(peek(), 'or')) {
      pos += 1;
      parts.push(andExpr());
    }
    return (x) => parts.some((p) => p(x));
  };

  if (tokens.length === 0) return () => true;
  const predicate = orExpr();
  if (pos !== tokens.length) throw invalid();
  return predicate;
}

function mimeTypeOf(item: Item): string {
  return item instanceof Folder ? FOLDER_MIME : item.mimeType;
}

// ---- resources -----------------------------------------------------------------------------------

function fileResource(store: DriveStore, item: Item): DriveFile {
  const folder = item instanceof Folder;
  const resource: DriveFile = {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: mimeTypeOf(item),
    parents: [...item.parents],
    trashed: item.trashed,
    starred: item.starred,
    createdTime: new Date(item.getDateCreated().getTime()).toISOString(),
    modifiedTime: new Date(item.getLastUpdated().getTime()).toISOString(),
    webViewLink: item.getUrl(),
    ownedByMe: true,
    owners: [{ kind: 'drive#user', emailAddress: store.ws.user.email, me: true }],
  };
  if (item.description !== null) resource.description = item.description;
  if (!folder) {
    resource.size = String(item.getSize());
    resource.webContentLink = item.getDownloadUrl();
    const dot = item.name.lastIndexOf('.');
    if (dot > 0) resource.fileExtension = item.name.slice(dot + 1);
  }
  return resource;
}

type Optional = Record<string, unknown> | undefined;

// ---- the service ---------------------------------------------------------------------------------

/** `Drive.Files`. */
export class DriveFilesCollection {
  readonly [API_NAME] = 'Files';

  constructor(private readonly drive: DriveCore) {}

  toString(): string {
    return 'Files';
  }

  list(optionalArgs?: Record<string, unknown>): DriveFileList {
    const method = 'drive.files.list';
    const { ws, store } = this.drive;
    requireScope(ws, method, READ_SCOPES);
    const args: Record<string, unknown> = { ...(optionalArgs ?? {}) };
    const q = args.q === undefined || args.q === null ? '' : String(args.q);
    const match = compileDriveQuery(method, q, (id) => this.drive.resolveId(id));
    const size = args.pageSize === undefined ? 100 : Number(args.pageSize);
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      throw apiError(method, DRIVE_V3_ERRORS.invalidValue);
    }
    const tree = parseFields(
      method,
      args.fields === undefined ? DEFAULT_LIST_FIELDS : String(args.fields),
    );
    let items = [...store.items.values()].filter(
      (i) => i !== store.root && this.drive.visible(i) && match(i),
    );
    items = sortItems(method, items, args.orderBy);
    let start = 0;
    if (args.pageToken !== undefined && args.pageToken !== null && args.pageToken !== '') {
      const t = readPageToken(args.pageToken);
      if (!t || t.q !== q || typeof t.start !== 'number') {
        throw apiError(method, DRIVE_V3_ERRORS.invalidValue);
      }
      start = t.start;
    }
    const page = items.slice(start, start + size);
    const result: DriveFileList = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map((i) => fileResource(store, i)),
    };
    if (start + size < items.length) result.nextPageToken = pageToken({ q, start: start + size });
    return applyFields(result, tree) as DriveFileList;
  }

  create(resource: DriveFile, mediaData?: unknown, optionalArgs?: Optional): DriveFile {
    const method = 'drive.files.create';
    const { ws, store } = this.drive;
    requireScope(ws, method, WRITE_SCOPES);
    let options = optionalArgs;
    let media = mediaData;
    // create(resource, optionalArgs) is not an Apps Script overload, but a plain object in the
    // media position is a mistake scripts make: refuse it like the API refuses a bad upload.
    if (media !== undefined && media !== null && !isBlobSource(media)) {
      throw apiError(method, 'Media type is not supported: mediaData must be a Blob');
    }
    if (media === null) media = undefined;
    options = options ?? {};
    const tree = parseFields(
      method,
      options.fields === undefined ? DEFAULT_FILE_FIELDS : String(options.fields),
    );
    const r = resource ?? {};
    const parents = (r.parents ?? []).map(String);
    if (parents.length > 1) throw apiError(method, DRIVE_V3_ERRORS.invalidValue);
    const parentId = parents[0] ?? 'root';
    const parent = store.items.get(this.drive.resolveId(parentId));
    if (!(parent instanceof Folder) || !this.drive.visible(parent)) {
      throw apiError(method, DRIVE_V3_ERRORS.notFound(parentId));
    }
    const name = r.name === undefined || r.name === null ? 'Untitled' : String(r.name);
    const mimeType =
      r.mimeType === undefined || r.mimeType === null ? undefined : String(r.mimeType);
    let item: Item;
    if (mimeType === FOLDER_MIME) {
      if (media !== undefined) throw apiError(method, DRIVE_V3_ERRORS.invalidValue);
      item = store.add(new Folder(store, store.newId(), name, parent));
    } else if (mimeType === GOOGLE_DOC_MIME) {
      item = store.add(convertToDoc(this.drive, method, name, parent, media, options));
    } else {
      if (mimeType?.startsWith('application/vnd.google-apps.')) {
        throw new Error(`Drive.Files.create of ${mimeType} is not emulated`);
      }
      let blob: Blob;
      if (media !== undefined) {
        blob = blobOf(ws, unwrap(media) as GoogleAppsScript.Base.BlobSource).copyBlob();
      } else blob = new Blob(ws, [], null, name);
      const type = mimeType ?? blob.getContentType() ?? 'application/octet-stream';
      blob.setName(name).setContentType(type);
      if (blob.sourceHtml === undefined && type === 'application/pdf') {
        blob.sourceHtml = emulatedPdfHtml(blob.raw());
      }
      item = store.add(new File(store, store.newId(), name, parent, type, blob));
    }
    if (r.description !== undefined && r.description !== null) {
      item.description = String(r.description);
    }
    if (r.starred === true) item.starred = true;
    this.drive.appCreated.add(item.id);
    return applyFields(fileResource(store, item), tree) as DriveFile;
  }

  remove(fileId: string, _optionalArgs?: Optional): void {
    const method = 'drive.files.delete';
    const { ws, store } = this.drive;
    requireScope(ws, method, WRITE_SCOPES);
    const item = store.items.get(this.drive.resolveId(String(fileId)));
    if (!item || item === store.root || !this.drive.visible(item)) {
      throw apiError(method, DRIVE_V3_ERRORS.notFound(String(fileId)));
    }
    const doomed = [item];
    for (let i = 0; i < doomed.length; i++) {
      const current = doomed[i] as Item;
      if (current instanceof Folder) doomed.push(...store.childrenOf(current));
    }
    for (const gone of doomed) {
      store.items.delete(gone.id);
      this.drive.appCreated.delete(gone.id);
      this.drive.picked.delete(gone.id);
    }
  }

  get(fileId: string, optionalArgs?: Optional): DriveFile {
    const method = 'drive.files.get';
    const { ws, store } = this.drive;
    requireScope(ws, method, READ_SCOPES);
    const options = optionalArgs ?? {};
    const media = options.alt === 'media';
    const tree = media
      ? null
      : parseFields(
          method,
          options.fields === undefined ? DEFAULT_FILE_FIELDS : String(options.fields),
        );
    const item = store.items.get(this.drive.resolveId(String(fileId)));
    if (!item || !this.drive.visible(item)) {
      throw apiError(method, DRIVE_V3_ERRORS.notFound(String(fileId)));
    }
    if (tree === null) return mediaOf(method, item) as unknown as DriveFile;
    return applyFields(fileResource(store, item), tree) as DriveFile;
  }
}

/** alt=media: a stored file's bytes as Apps Script's Byte[] (signed). */
function mediaOf(method: string, item: Item): GoogleAppsScript.Byte[] {
  if (item instanceof Folder || item.mimeType.startsWith('application/vnd.google-apps.')) {
    throw apiError(method, DRIVE_V3_ERRORS.notDownloadable);
  }
  return Array.from(item.data.raw(), (b) => (b > 127 ? b - 256 : b));
}

/**
 * A Google Doc made from the uploaded media (none: an empty Doc). Outside the collection, so a
 * script cannot call it as `Drive.Files.convertToDoc`.
 */
function convertToDoc(
  drive: DriveCore,
  method: string,
  name: string,
  parent: Folder,
  media: unknown,
  options: Record<string, unknown>,
): File {
  const { ws, store } = drive;
  let text = '';
  if (media !== undefined) {
    const source = blobOf(ws, unwrap(media) as GoogleAppsScript.Base.BlobSource);
    const language =
      options.ocrLanguage === undefined || options.ocrLanguage === null
        ? undefined
        : String(options.ocrLanguage);
    let conversion: ReturnType<typeof convertToDocText>;
    try {
      conversion = convertToDocText(
        source.raw(),
        source.getContentType() ?? 'application/octet-stream',
        language,
      );
    } catch (e) {
      if (e instanceof UnreadablePdf) {
        throw apiError(method, DRIVE_V3_ERRORS.notConverted);
      }
      throw e;
    }
    ws.meter.chargeUnits(DOC_CONVERSION_RULE, conversion.pages);
    text = conversion.text;
  }
  return new File(
    store,
    store.newId(),
    name,
    parent,
    GOOGLE_DOC_MIME,
    new Blob(ws, text, 'text/plain', name),
  );
}

function isBlobSource(v: unknown): boolean {
  const u = unwrap(v);
  return isEmulated(u) && typeof (u as { getBlob?: unknown }).getBlob === 'function';
}

function sortItems(method: string, items: Item[], orderBy: unknown): Item[] {
  if (orderBy === undefined || orderBy === null || orderBy === '') return items;
  const keys = String(orderBy)
    .split(',')
    .map((k) => k.trim().split(/\s+/));
  const known: Record<string, (i: Item) => string | number> = {
    name: (i) => i.name,
    createdTime: (i) => i.getDateCreated().getTime(),
    modifiedTime: (i) => i.getLastUpdated().getTime(),
    folder: (i) => (i instanceof Folder ? 0 : 1),
  };
  for (const [k, dir] of keys) {
    if (!k || !known[k] || (dir !== undefined && dir !== 'desc')) {
      throw apiError(method, DRIVE_V3_ERRORS.invalidValue);
    }
  }
  return [...items].sort((a, b) => {
    for (const [k, dir] of keys) {
      const f = known[k as string] as (i: Item) => string | number;
      const x = f(a);
      const y = f(b);
      if (x !== y) return (x < y ? -1 : 1) * (dir === 'desc' ? -1 : 1);
    }
    return 0;
  });
}

/** `Drive` (API v3): `Files` and the `new*` resource builders. */
export class DriveAdvancedEmulator {
  readonly [API_NAME] = 'Drive';
  readonly Files: DriveFilesCollection;
  /** Emulator-only: what the collections share (not part of Apps Script's service). */
  readonly core: DriveCore;

  constructor(ws: Workspace) {
    this.core = new DriveCore(ws);
    this.Files = new DriveFilesCollection(this.core);
  }

  toString(): string {
    return 'Drive';
  }

  newFile(): DriveFile {
    return {};
  }
}

/** The state behind the collections: the DriveApp store, and what the app created (drive.file). */
export class DriveCore {
  /** Ids of the files and folders made through this service. */
  readonly appCreated = new Set<string>();
  /** Ids of the files the user picked for the app in the Google Picker (drive.file grants them). */
  readonly picked = new Set<string>();

  constructor(readonly ws: Workspace) {}

  /** The DriveApp store this service shares. */
  get store(): DriveStore {
    return this.ws.DriveApp.store;
  }

  /** `root` is My Drive's alias. */
  resolveId(id: string): string {
    return id === 'root' ? this.store.root.id : id;
  }

  /** Can the app see this item with the scopes it holds? */
  visible(item: Item): boolean {
    if (item === this.store.root) return true;
    return (
      hasScope(this.ws, WIDE_SCOPES) || this.appCreated.has(item.id) || this.picked.has(item.id)
    );
  }

  /** The user picked this file in a Picker built with the app's id: the app may now open it. */
  grantPicked(id: string): void {
    if (!(this.store.items.get(id) instanceof File)) throw new Error(`No Drive file ${id}`);
    this.picked.add(id);
  }
}
