import type { Workspace } from '../../workspace';
import { CalendarAdvancedEmulator } from './calendar';
import { DriveAdvancedEmulator } from './drive';
import { GmailAdvancedEmulator } from './gmail';
import { SheetsAdvancedEmulator } from './sheets';
import { TasksAdvancedEmulator } from './tasks';

/**
 * Apps Script's advanced services exist in a script only when its manifest enables them
 * (`dependencies.enabledAdvancedServices`: `{userSymbol, serviceId, version}`), under the
 * `userSymbol` it chose. A script that names one its manifest does not enable fails with
 * `ReferenceError: Drive is not defined`, as on Apps Script: the global is simply absent.
 *
 * To add a service: one entry below (the serviceId, the symbol the editor proposes, the versions
 * the emulator models, and a factory called at most once per workspace).
 */
export interface EnabledAdvancedService {
  readonly userSymbol: string;
  readonly serviceId: string;
  readonly version: string;
}

export interface AdvancedServiceDefinition {
  readonly serviceId: string;
  /** The symbol the Apps Script editor proposes (a manifest may choose another). */
  readonly userSymbol: string;
  readonly versions: readonly string[];
  /** The service's root object (marked with API_NAME); its state may live in the workspace. */
  create(ws: Workspace): object;
}

export const ADVANCED_SERVICES: ReadonlyMap<string, AdvancedServiceDefinition> = new Map(
  (
    [
      {
        serviceId: 'drive',
        userSymbol: 'Drive',
        versions: ['v3'],
        create: (ws) => new DriveAdvancedEmulator(ws),
      },
      {
        serviceId: 'gmail',
        userSymbol: 'Gmail',
        versions: ['v1'],
        create: (ws) => new GmailAdvancedEmulator(ws),
      },
      {
        serviceId: 'tasks',
        userSymbol: 'Tasks',
        versions: ['v1'],
        create: (ws) => new TasksAdvancedEmulator(ws),
      },
      {
        serviceId: 'calendar',
        userSymbol: 'Calendar',
        versions: ['v3'],
        create: (ws) => new CalendarAdvancedEmulator(ws),
      },
      {
        serviceId: 'sheets',
        userSymbol: 'Sheets',
        versions: ['v4'],
        create: (ws) => new SheetsAdvancedEmulator(ws),
      },
    ] satisfies AdvancedServiceDefinition[]
  ).map((d) => [d.serviceId, d]),
);

/**
 * The definition of an enabled service, or the error Apps Script gives a manifest naming a
 * service or version it does not have (the emulator's wording: the editor refuses to save it).
 */
export function advancedDefinition(entry: EnabledAdvancedService): AdvancedServiceDefinition {
  const def = ADVANCED_SERVICES.get(entry.serviceId);
  if (!def?.versions.includes(entry.version)) {
    throw new Error(
      `Advanced service not available in the emulator: ${entry.serviceId} ${entry.version}`,
    );
  }
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(entry.userSymbol)) {
    throw new Error(`Invalid userSymbol for ${entry.serviceId}: ${entry.userSymbol}`);
  }
  return def;
}

/** The manifest entry the Apps Script editor writes when a service is added with its defaults. */
export function defaultEntry(serviceId: string): EnabledAdvancedService {
  const def = ADVANCED_SERVICES.get(serviceId);
  if (!def) throw new Error(`Unknown advanced service: ${serviceId}`);
  return { serviceId, userSymbol: def.userSymbol, version: def.versions.at(-1) as string };
}
