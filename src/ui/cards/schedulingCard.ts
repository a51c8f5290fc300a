/**
 * The scheduling (日程調整) cards: the candidates for a mail (tick the times to offer, the
 * length, the format, the reply-by date, the holds; the button composes the reply draft), a
 * proposal with its holds (confirm the time the other side picked, or cancel), and the open
 * proposals on the Calendar homepage.
 */
import { tokyoDateKey } from '../../core/dates';
import { pickerValue } from '../../core/mailTask';
import {
  type HoldState,
  PROPOSAL_STATUS,
  PROPOSAL_STATUS_TEXT,
  type Slot,
  shortDate,
  slotLabelIn,
} from '../../core/scheduling';
import { inLang, type Lang, sayIn } from '../../core/text';
import type { MeetingHint } from '../../features/mailTasks/mailTasks';
import type { ProposalWithHolds, SchedulingForm } from '../../features/scheduling/cardData';
import { ADDON_NAME, actionButton, header, note, section, textOf } from './cardKit';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

export const SCHEDULING_FIELDS = {
  slots: 'meetSlots',
  length: 'meetLength',
  format: 'meetFormat',
  where: 'meetWhere',
  replyBy: 'meetReplyBy',
  holds: 'meetHolds',
  slot: 'meetSlot',
  invite: 'meetInvite',
} as const;

export const SCHEDULING_ACTIONS = {
  openForm: 'schedulingOpenForm',
  compose: 'schedulingCompose',
  openProposal: 'schedulingOpenProposal',
  confirm: 'schedulingConfirm',
  cancel: 'schedulingCancel',
} as const;

export const LENGTH_CHOICES = [30, 45, 60, 90, 120] as const;
/** How many candidates are ticked when the card opens. */
export const TICKED = 3;

/** `1764300000000_1764303600000`: a slot as a form value. */
export function slotValue(slot: Slot): string {
  return `${slot.start}_${slot.end}`;
}

export function parseSlotValue(value: string): Slot | null {
  const m = /^(\d{10,15})_(\d{10,15})$/.exec(value);
  if (!m) return null;
  const slot = { start: Number(m[1]), end: Number(m[2]) };
  return slot.end > slot.start ? slot : null;
}

/** The section on the mail task card: a mail asking to meet, or the reply to a proposal. */
export function meetingSection(
  hint: MeetingHint,
  messageId: string,
  lang: Lang,
): CardSection | null {
  const t = sayIn(lang);
  if (hint.proposalOf) {
    return section(t('日程調整', 'Scheduling'))
      .addWidget(
        note(
          t(
            'このスレッドで日程を提案しています。相手が選んだ日時を確定できます',
            'Times were proposed in this thread: confirm the one the other side picked',
          ),
        ),
      )
      .addWidget(
        CardService.newButtonSet().addButton(
          actionButton(
            t('日程を確定する', 'Confirm a time'),
            SCHEDULING_ACTIONS.openProposal,
            { proposal: hint.proposalOf },
            true,
          ),
        ),
      );
  }
  if (!hint.asks) return null;
  return section(t('日程調整', 'Scheduling'))
    .addWidget(
      note(
        t(
          'このメールは打ち合わせの依頼のようです。空いている日時から候補を選んで返信できます',
          'This mail asks to meet: pick times you are free and reply with them',
        ),
      ),
    )
    .addWidget(
      CardService.newButtonSet().addButton(
        actionButton(t('候補日時を探す', 'Find times'), SCHEDULING_ACTIONS.openForm, {
          messageId,
        }),
      ),
    );
}

function formatDropdown(lang: Lang) {
  const t = sayIn(lang);
  return CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(SCHEDULING_FIELDS.format)
    .setTitle(t('形式', 'Format'))
    .addItem(t('オンライン', 'Online'), 'online', true)
    .addItem(t('訪問・来社', 'In person'), 'visit', false)
    .addItem(t('電話', 'Phone'), 'phone', false);
}

/** The candidates for the open mail, to tick and send. */
export function schedulingFormCard(form: SchedulingForm, lang: Lang): Card {
  const t = sayIn(lang);
  const card = CardService.newCardBuilder()
    .setName('pokke-scheduling')
    .setHeader(header(t('日程調整', 'Propose times'), ADDON_NAME));
  const times = section(t('候補日時', 'Times to offer'));
  for (const p of form.problems) times.addWidget(textOf(`⚠ ${inLang(p, lang)}`));
  if (form.slots.length === 0) {
    times.addWidget(
      note(
        t(
          '2週間以内に空いている時間が見つかりませんでした。長さを短くして探し直してください',
          'No free time found in the next two weeks; try a shorter length',
        ),
      ),
    );
  } else {
    const boxes = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.CHECK_BOX)
      .setFieldName(SCHEDULING_FIELDS.slots);
    form.slots.forEach((slot, i) => {
      boxes.addItem(slotLabelIn(slot, lang), slotValue(slot), i < TICKED);
    });
    times.addWidget(boxes);
  }
  card.addSection(times);

  const length = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(SCHEDULING_FIELDS.length)
    .setTitle(t('長さ', 'Length'));
  const choices = [...new Set([...LENGTH_CHOICES, form.lengthMinutes])].sort((a, b) => a - b);
  for (const m of choices) {
    length.addItem(t(`${m}分`, `${m} min`), String(m), m === form.lengthMinutes);
  }
  const how = section(t('条件', 'Details'))
    .addWidget(length)
    .addWidget(
      CardService.newButtonSet().addButton(
        actionButton(t('この長さで探し直す', 'Search again'), SCHEDULING_ACTIONS.openForm, {
          messageId: form.messageId,
          refresh: '1',
        }),
      ),
    )
    .addWidget(formatDropdown(lang))
    .addWidget(
      CardService.newTextInput()
        .setFieldName(SCHEDULING_FIELDS.where)
        .setTitle(t('URL・場所・電話番号', 'URL, place or phone'))
        .setHint(t('オンラインはURL、訪問は場所', 'The URL online, the place in person')),
    )
    .addWidget(
      CardService.newDatePicker()
        .setFieldName(SCHEDULING_FIELDS.replyBy)
        .setTitle(t('返信期限', 'Reply by'))
        .setValueInMsSinceEpoch(pickerValue(form.replyBy)),
    )
    .addWidget(
      CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.CHECK_BOX)
        .setFieldName(SCHEDULING_FIELDS.holds)
        .addItem(
          t('候補の時間をカレンダーで仮押さえする', 'Hold the offered times in my calendar'),
          'hold',
          true,
        ),
    );
  if (form.noWorkbook) {
    how.addWidget(
      note(
        t(
          '<b>ワークブックが接続されていません</b>: 提案を記録するには、ホーム画面でワークブックを接続してください',
          '<b>No workbook connected</b>: connect it on the home card to record the proposal',
        ),
      ),
    );
  } else if (form.slots.length > 0) {
    how.addWidget(
      CardService.newButtonSet().addButton(
        CardService.newTextButton()
          .setText(t('返信の下書きを作成', 'Create the reply draft'))
          .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
          .setComposeAction(
            CardService.newAction()
              .setFunctionName(SCHEDULING_ACTIONS.compose)
              .setParameters({ messageId: form.messageId, length: String(form.lengthMinutes) }),
            CardService.ComposedEmailType.REPLY_AS_DRAFT,
          ),
      ),
    );
  }
  card.addSection(how);
  return card.build();
}

const HOLD_TEXT: Record<HoldState, { ja: string; en: string }> = {
  exists: { ja: '仮押さえ中', en: 'held' },
  moved: { ja: '仮押さえは移動済み', en: 'hold moved by you' },
  deleted: { ja: '仮押さえは削除済み', en: 'hold deleted' },
};

function slotText(slot: Slot, hold: HoldState | null, lang: Lang): string {
  const label = slotLabelIn(slot, lang);
  return hold ? `${label}(${inLang(HOLD_TEXT[hold], lang)})` : label;
}

/** One proposal: its times and holds, and (while open) the buttons to confirm or cancel it. */
export function proposalSection(
  data: ProposalWithHolds,
  lang: Lang,
  from: 'gmail' | 'calendar',
): CardSection {
  const t = sayIn(lang);
  const p = data.proposal;
  const s = section(`${p.counterpart || p.email}`);
  s.addWidget(
    CardService.newDecoratedText()
      .setTopLabel(t('状態', 'Status'))
      .setText(
        `${inLang(PROPOSAL_STATUS_TEXT[p.status], lang)} · ${t('返信期限', 'reply by')} ${shortDate(p.replyBy, lang)}`,
      ),
  );
  if (p.status === PROPOSAL_STATUS.confirmed && p.confirmed) {
    s.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(t('確定日時', 'Confirmed'))
        .setText(slotLabelIn(p.confirmed, lang))
        .setWrapText(true),
    );
    return s;
  }
  if (p.status !== PROPOSAL_STATUS.open) {
    for (const [i, slot] of p.offered.entries())
      s.addWidget(textOf(slotText(slot, data.holds[i] ?? null, lang)));
    return s;
  }
  const radio = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.RADIO_BUTTON)
    .setFieldName(`${SCHEDULING_FIELDS.slot}_${p.messageId}`)
    .setTitle(t('相手が選んだ日時', 'The time they picked'));
  p.offered.forEach((slot, i) => {
    radio.addItem(slotText(slot, data.holds[i] ?? null, lang), slotValue(slot), i === 0);
  });
  s.addWidget(radio);
  if (p.email) {
    s.addWidget(
      CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.CHECK_BOX)
        .setFieldName(`${SCHEDULING_FIELDS.invite}_${p.messageId}`)
        .addItem(t(`${p.email} を招待する`, `Invite ${p.email}`), 'invite', true),
    );
  }
  s.addWidget(
    CardService.newButtonSet()
      .addButton(
        actionButton(
          t('この日時で確定', 'Confirm this time'),
          SCHEDULING_ACTIONS.confirm,
          { proposal: p.messageId, from },
          true,
        ),
      )
      .addButton(
        actionButton(t('提案を取り消す', 'Cancel the proposal'), SCHEDULING_ACTIONS.cancel, {
          proposal: p.messageId,
          from,
        }),
      ),
  );
  return s;
}

/** The proposal of a thread, opened from the card of the reply. */
export function proposalCard(data: ProposalWithHolds | null, lang: Lang): Card {
  const t = sayIn(lang);
  const card = CardService.newCardBuilder()
    .setName('pokke-proposal')
    .setHeader(header(t('日程調整', 'Scheduling'), ADDON_NAME));
  if (!data) {
    return card
      .addSection(
        section().addWidget(
          note(
            t(
              '日程調整が見つかりません(日程調整シートの行が削除または変更されています)',
              'The proposal was not found (its row in the 日程調整 sheet was deleted or changed)',
            ),
          ),
        ),
      )
      .build();
  }
  return card.addSection(proposalSection(data, lang, 'gmail')).build();
}

/** The Calendar homepage's sections: the open proposals with their holds. */
export function openProposalSections(
  shown: readonly ProposalWithHolds[],
  total: number,
  lang: Lang,
  today: Date,
): CardSection[] {
  const t = sayIn(lang);
  if (shown.length === 0) {
    return [
      section(t('日程調整', 'Scheduling')).addWidget(
        note(t('回答待ちの日程調整はありません', 'No proposal is waiting for an answer')),
      ),
    ];
  }
  const sections = shown.map((d) => proposalSection(d, lang, 'calendar'));
  if (total > shown.length) {
    sections.push(
      section().addWidget(
        note(
          t(
            `ほか ${total - shown.length} 件(日程調整シート、${shortDate(tokyoDateKey(today), 'ja')}現在)`,
            `and ${total - shown.length} more (see the 日程調整 sheet)`,
          ),
        ),
      ),
    );
  }
  return sections;
}
