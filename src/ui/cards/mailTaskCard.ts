/** The Gmail card on an open mail: a suggested task, or the task already made from it. */

import { cardText, clip, pickerValue, workbookUrl } from '../../core/mailTask';
import { type FieldName, inLang, type Lang, quoted, sayIn, type Text } from '../../core/text';
import type { MailCardData } from '../../features/mailTasks/mailTasks';
import type { MailTaskRecord } from '../../features/mailTasks/records';
import {
  ADDON_NAME,
  actionButton,
  header,
  linkButton,
  messageCard,
  note,
  section,
  textOf,
} from './cardKit';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

export const FIELDS = {
  title: 'title',
  due: 'due',
  notes: 'notes',
  targets: 'targets',
  listId: 'listId',
  workbookUrl: 'workbookUrl',
} as const;

/** What the card's text fields are called, on the card and in a message about them. */
export const FIELD_NAMES = {
  title: { ja: 'タイトル', en: 'Title' },
  notes: { ja: 'メモ', en: 'Notes' },
} as const satisfies Record<string, FieldName>;

export const ACTIONS = {
  create: 'mailTaskCreate',
  connect: 'mailTaskConnectWorkbook',
} as const;

function newTaskCard(
  data: Extract<MailCardData, { kind: 'new' }>,
  lang: Lang,
  extra: readonly CardSection[],
): Card {
  const t = sayIn(lang);
  const s = data.suggestion;
  const card = CardService.newCardBuilder()
    .setName('pokke-mail-task')
    .setHeader(header(t('メールからタスク', 'Task from this mail'), ADDON_NAME));

  const task = section(t('タスク', 'Task'))
    .addWidget(
      CardService.newTextInput()
        .setFieldName(FIELDS.title)
        .setTitle(inLang(FIELD_NAMES.title, lang))
        .setValue(s.title),
    )
    .addWidget(
      s.due
        ? CardService.newDatePicker()
            .setFieldName(FIELDS.due)
            .setTitle(t('期限', 'Due'))
            .setValueInMsSinceEpoch(pickerValue(s.due))
        : CardService.newDatePicker().setFieldName(FIELDS.due).setTitle(t('期限', 'Due')),
    );
  if (s.due && s.matched) {
    task.addWidget(
      textOf(
        `${t('メールの記載', 'From the mail')}: ${quoted(s.matched, lang)}${s.time ? ` (${s.time})` : ''}`,
      ),
    );
  } else if (!s.due) {
    task.addWidget(
      note(
        t(
          'メールに期限は見つかりませんでした。必要なら選んでください',
          'No due date found in the mail; pick one if needed',
        ),
      ),
    );
  }
  for (const n of s.dueNotes) task.addWidget(textOf(`⚠ ${inLang(n, lang)}`));
  if (s.emptyBody) {
    task.addWidget(
      note(t('本文がないため件名から作成しました', 'The mail has no body: from its subject')),
    );
  }
  task.addWidget(
    CardService.newTextInput()
      .setFieldName(FIELDS.notes)
      .setTitle(inLang(FIELD_NAMES.notes, lang))
      .setMultiline(true)
      .setValue(s.notes),
  );
  card.addSection(task);

  const where = section(t('作成先', 'Create in'));
  if (!data.lists && !data.workbookId) {
    // Nowhere to create it: no button that could only fail.
    where.addWidget(
      note(
        t(
          '<b>作成できません</b>: Google ToDo リストに接続できず、ワークブックも接続されていません。下でワークブックを接続すると、タスクシートに作成できます',
          '<b>Nothing to create it in</b>: Google Tasks could not be reached and no workbook is connected. Connect the workbook below to create the task in its tasks sheet',
        ),
      ),
    );
    card.addSection(where);
    for (const x of extra) card.addSection(x);
    card.addSection(connectSection(lang, s.messageId));
    return card.build();
  }
  const targets = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName(FIELDS.targets);
  if (data.lists) {
    targets.addItem(
      t('Google ToDo リスト', 'Google Tasks'),
      'tasks',
      data.prefs.targets.includes('tasks'),
    );
  }
  if (data.workbookId) {
    targets.addItem(
      t('タスクシート', 'Tasks sheet'),
      'sheet',
      data.prefs.targets.includes('sheet'),
    );
  }
  where.addWidget(targets);
  if (data.lists && data.lists.length > 0) {
    const chosen = data.lists.some((l) => l.id === data.prefs.listId)
      ? data.prefs.listId
      : data.lists[0]?.id;
    const dropdown = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.DROPDOWN)
      .setFieldName(FIELDS.listId)
      .setTitle(t('リスト', 'List'));
    for (const l of data.lists) dropdown.addItem(l.title || l.id, l.id, l.id === chosen);
    where.addWidget(dropdown);
  }
  if (!data.lists) {
    where.addWidget(
      note(
        t(
          'Google ToDo リストに接続できませんでした。タスクシートにのみ作成できます',
          'Google Tasks could not be reached: the tasks sheet only',
        ),
      ),
    );
  }
  where.addWidget(
    CardService.newButtonSet().addButton(
      actionButton(
        t('タスクを作成', 'Create task'),
        ACTIONS.create,
        { messageId: s.messageId, link: s.link },
        true,
      ),
    ),
  );
  card.addSection(where);
  for (const x of extra) card.addSection(x);
  if (!data.workbookId) card.addSection(connectSection(lang, s.messageId));
  return card.build();
}

/** Asks for the workbook's address (Gmail cannot know which spreadsheet is the owner's). */
export function connectSection(
  lang: Lang,
  messageId?: string,
): GoogleAppsScript.Card_Service.CardSection {
  const t = sayIn(lang);
  return section(t('ワークブック', 'Workbook'))
    .addWidget(
      note(
        t(
          'タスクシートと請求書を使うには、Pokke のワークブックのアドレスを貼り付けてください(ワークブックで Pokke を一度開くと自動で設定されます)',
          'To use the tasks sheet and invoices, paste the address of your Pokke workbook (opening Pokke in the workbook sets it automatically)',
        ),
      ),
    )
    .addWidget(
      CardService.newTextInput()
        .setFieldName(FIELDS.workbookUrl)
        .setTitle(t('ワークブックのURL', 'Workbook URL'))
        .setHint('https://docs.google.com/spreadsheets/d/…'),
    )
    .addWidget(
      CardService.newButtonSet().addButton(
        actionButton(t('接続', 'Connect'), ACTIONS.connect, messageId ? { messageId } : {}),
      ),
    );
}

/** The task made from this mail: shown instead of offering a second one. */
export function createdTaskCard(
  record: MailTaskRecord,
  justCreated: boolean,
  lang: Lang,
  problems: readonly Text[] = [],
  completed = false,
  extra: readonly CardSection[] = [],
): Card {
  const t = sayIn(lang);
  const s = section()
    .addWidget(
      note(
        justCreated
          ? t('<b>タスクを作成しました</b>', '<b>Task created</b>')
          : t(
              '<b>このメールのタスクは作成済みです</b>(重複して作成しません)',
              '<b>A task already exists for this mail</b> (Pokke will not make another)',
            ),
      ),
    )
    .addWidget(
      CardService.newDecoratedText()
        .setTopLabel(t('タイトル', 'Title'))
        .setText(cardText(clip(record.title, 300)) || ' ')
        .setWrapText(true),
    );
  if (completed) {
    s.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(t('状態', 'Status'))
        .setText(t('✓ 完了', '✓ Completed')),
    );
  }
  return finishCreated(s, record, problems, lang, extra);
}

function finishCreated(
  s: GoogleAppsScript.Card_Service.CardSection,
  record: MailTaskRecord,
  problems: readonly Text[],
  lang: Lang,
  extra: readonly CardSection[],
): Card {
  const t = sayIn(lang);
  s.addWidget(
    CardService.newDecoratedText()
      .setTopLabel(t('期限', 'Due'))
      .setText(record.due ? record.due.replace(/-/g, '/') : t('なし', 'none')),
  );
  for (const p of problems) s.addWidget(textOf(`⚠ ${inLang(p, lang)}`));
  const buttons = CardService.newButtonSet();
  let any = false;
  if (record.taskId) {
    buttons.addButton(
      linkButton(
        t('Google ToDo で開く', 'Open in Google Tasks'),
        record.taskUrl || 'https://tasks.google.com/',
      ),
    );
    any = true;
  }
  if (record.workbookId && record.row && record.sheetId !== undefined) {
    buttons.addButton(
      linkButton(
        t('シートの行を開く', 'Open the sheet row'),
        workbookUrl(record.workbookId, { sheetId: record.sheetId, row: record.row }),
      ),
    );
    any = true;
  }
  if (any) s.addWidget(buttons);
  const card = CardService.newCardBuilder()
    .setName('pokke-mail-task-created')
    .setHeader(header(t('メールからタスク', 'Task from this mail'), ADDON_NAME))
    .addSection(s);
  for (const x of extra) card.addSection(x);
  return card.build();
}

/** `extra`: sections of other features about the same mail (scheduling), after the task's. */
export function mailTaskCard(
  data: MailCardData,
  lang: Lang,
  extra: readonly CardSection[] = [],
): Card {
  const t = sayIn(lang);
  if (data.kind === 'existing')
    return createdTaskCard(data.record, false, lang, [], data.completed, extra);
  if (data.kind === 'missing') {
    return messageCard(
      t('メール', 'Mail'),
      t(
        'このメールを読み取れませんでした。メールを開き直してください',
        'Pokke could not read this mail. Open it again',
      ),
    );
  }
  return newTaskCard(data, lang, extra);
}
