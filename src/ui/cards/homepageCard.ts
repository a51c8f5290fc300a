/**
 * The add-on's homepage card (Gmail and Calendar): what is due today and overdue, and the way to
 * the workbook.
 */

import { cardText, clip } from '../../core/mailTask';
import { type Lang, sayIn } from '../../core/text';
import type { HomepageData } from '../../features/mailTasks/homepage';
import { ADDON_NAME, header, linkButton, note, section } from './cardKit';
import { connectSection } from './mailTaskCard';

type Card = GoogleAppsScript.Card_Service.Card;

const slash = (key: string) => key.replace(/-/g, '/');

function yen(n: number | null): string {
  return n === null ? '' : `¥${Math.round(n).toLocaleString('en-US')}`;
}

/** `lead`: a host's own sections, shown first (the Calendar card's proposals). */
export function homepageCard(
  data: HomepageData,
  lang: Lang,
  lead: readonly GoogleAppsScript.Card_Service.CardSection[] = [],
): Card {
  const t = sayIn(lang);
  const card = CardService.newCardBuilder()
    .setName('pokke-home')
    .setHeader(header(ADDON_NAME, t(`今日 ${slash(data.today)}`, `Today ${slash(data.today)}`)));
  for (const s of lead) card.addSection(s);

  card.addSection(
    listSection(
      t(`今日までのタスク (${data.taskCount})`, `Tasks due today or overdue (${data.taskCount})`),
      data.taskCount,
      lang,
      data.tasks.map((task) => ({
        label: task.overdue
          ? t(`期限切れ ${slash(task.due)}`, `Overdue ${slash(task.due)}`)
          : t(`今日 ${slash(task.due)}`, `Today ${slash(task.due)}`),
        text: task.title,
        url: task.url,
      })),
    ),
  );
  card.addSection(
    listSection(
      t(`期限切れの請求書 (${data.invoiceCount})`, `Overdue invoices (${data.invoiceCount})`),
      data.invoiceCount,
      lang,
      data.invoices.map((i) => ({
        label: t(`支払期限 ${slash(i.due)}`, `Due ${slash(i.due)}`),
        text: `${i.client} ${yen(i.billed)} ${i.number ? `(${i.number})` : ''}`.trim(),
        url: i.url,
      })),
    ),
  );

  const open = section();
  if (data.missing.length > 0) {
    open.addWidget(
      note(
        t(
          `シートがありません: ${data.missing.join('、')}。ワークブックで「ワークブックを準備」を実行してください`,
          `Missing sheets: ${data.missing.join(', ')}. Run "Set up workbook" in the workbook`,
        ),
      ),
    );
  }
  open.addWidget(
    CardService.newButtonSet().addButton(
      linkButton(t('ワークブックを開く', 'Open the workbook'), data.workbookUrl),
    ),
  );
  card.addSection(open);
  return card.build();
}

/** The homepage before a workbook is known: a short explanation and the address field. */
export function connectCard(lang: Lang, problem?: string): Card {
  const t = sayIn(lang);
  const card = CardService.newCardBuilder()
    .setName('pokke-connect')
    .setHeader(header(ADDON_NAME, t('ワークブックの接続', 'Connect your workbook')));
  if (problem) card.addSection(section().addWidget(note(cardText(problem))));
  return card.addSection(connectSection(lang)).build();
}

interface ListItem {
  readonly label: string;
  readonly text: string;
  readonly url: string;
}

/** A titled list of linked items (the first few of `total`), with "and N more" when cut. */
function listSection(title: string, total: number, lang: Lang, items: readonly ListItem[]) {
  const t = sayIn(lang);
  const list = section(title);
  if (items.length === 0) list.addWidget(note(t('ありません', 'None')));
  for (const item of items) {
    list.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(item.label)
        .setText(cardText(clip(item.text, 200)) || ' ')
        .setWrapText(true)
        .setOpenLink(CardService.newOpenLink().setUrl(item.url)),
    );
  }
  if (total > items.length) {
    list.addWidget(note(t(`ほか ${total - items.length} 件`, `and ${total - items.length} more`)));
  }
  return list;
}
