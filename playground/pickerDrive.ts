/**
 * The emulated Drive as the Google Picker shows it to the user: every file of theirs (not only
 * Pokke's), and what picking one does under the drive.file scope: the file is granted to the app.
 */
import type { DriveAdvancedEmulator } from '../emulator/services/advanced/drive';
import type { Workspace } from '../emulator/workspace';

export interface PickerFile {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
}

/** The user's files of these types (a comma-separated list, as DocsView.setMimeTypes takes). */
export function pickerFiles(ws: Workspace, mimeTypes: string): PickerFile[] {
  const wanted = new Set(
    mimeTypes
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );
  return ws.DriveApp.store
    .files()
    .filter((f) => !f.trashed && (wanted.size === 0 || wanted.has(f.mimeType)))
    .map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType }));
}

/** What the Picker does when the user picks a file for the app. */
export function grantPicked(ws: Workspace, fileId: string): void {
  ws.advanced<DriveAdvancedEmulator>('drive').core.grantPicked(fileId);
}
