import * as z from 'zod/mini';
import type { SlotsReport } from '../core/contracts/scheduling';
import { LIMITS, slotLabel } from '../core/scheduling';
import { text } from '../core/text';
import { findCandidates } from '../features/scheduling/candidates';
import { readSchedulingSettings } from '../features/scheduling/schedulingSettings';
import { now } from '../services/clock';
import { userLang } from '../services/language';
import { activeWorkbook } from '../services/workbook';
import { SETTINGS_SHEET } from '../sheets/schema';
import { workbookTables } from '../sheets/workbookTables';
import { rpc } from './rpc';

const slotsRequest = z.optional(
  z.strictObject({
    lengthMinutes: z.optional(
      z.number().check(z.int(), z.gte(LIMITS.lengthMinutes.min), z.lte(LIMITS.lengthMinutes.max)),
    ),
  }),
);

/**
 * `simulate slots` (and any page): the candidates the Gmail card would offer now, with the
 * settings of this workbook's 設定. Reads only (one batched read and one Freebusy call).
 */
export const schedulingSlotsRpc = rpc(
  slotsRequest,
  (req): SlotsReport => {
    const tables = workbookTables(activeWorkbook(), { tables: [SETTINGS_SHEET] });
    const { settings, problems } = readSchedulingSettings(tables);
    const found = findCandidates(settings, now(), req?.lengthMinutes ?? settings.lengthMinutes);
    return {
      lang: userLang(),
      from: found.from,
      to: found.to,
      lengthMinutes: found.lengthMinutes,
      calendars: ['primary', ...settings.calendars],
      slots: found.slots.map((s) => ({
        start: new Date(s.start).toISOString(),
        end: new Date(s.end).toISOString(),
        label: slotLabel(s),
      })),
      problems: [...problems, ...found.problems],
      message: text(
        `候補 ${found.slots.length} 件(${found.from} 〜 ${found.to}、${found.lengthMinutes}分)`,
        `${found.slots.length} candidate(s) (${found.from} to ${found.to}, ${found.lengthMinutes} min)`,
      ),
    };
  },
  { lengthMinutes: text('長さ', 'Length') },
);
