/** Gmail's homepage card: what is due today and overdue, and the way to the workbook. */
import { bilingual } from '../../core/bilingual';
import { cardText, clip } from '../../core/mailTask';
import type { HomepageData } from '../../features/mailTasks/homepage';
import { ADDON_NAME, header, linkButton, note, section } from './cardKit';
import { connectSection } from './mailTaskCard';

type Card = GoogleAppsScript.Card_Service.Card;

const slash = (key: string) => key.replace(/-/g, '/');

function yen(n: number | null): string {
  return n === null ? '' : `¥${Math.round(n).toLocaleString('en-US')}`;
}

export function homepageCard(data: HomepageData): Card {
  const card = CardService.newCardBuilder()
    .setName('pokke-home')
    .setHeader(
      header(ADDON_NAME, bilingual(`今日 ${slash(data.today)}`, `Today ${slash(data.today)}`)),
    );

  const tasks = section(
    bilingual(
      `今日までのタスク (${data.taskCount})`,
      `Tasks due today or overdue (${data.taskCount})`,
    ),
  );
  if (data.tasks.length === 0) tasks.addWidget(note(bilingual('ありません', 'None')));
  for (const t of data.tasks) {
    tasks.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(
          t.overdue
            ? bilingual(`期限切れ ${slash(t.due)}`, `Overdue ${slash(t.due)}`)
            : bilingual(`今日 ${slash(t.due)}`, `Today ${slash(t.due)}`),
        )
        .setText(cardText(clip(t.title, 200)) || ' ')
        .setWrapText(true)
        .setOpenLink(CardService.newOpenLink().setUrl(t.url)),
    );
  }
  if (data.taskCount > data.tasks.length) {
    tasks.addWidget(
      note(
        bilingual(
          `ほか ${data.taskCount - data.tasks.length} 件`,
          `and ${data.taskCount - data.tasks.length} more`,
        ),
      ),
    );
  }
  card.addSection(tasks);

  const invoices = section(
    bilingual(`期限切れの請求書 (${data.invoiceCount})`, `Overdue invoices (${data.invoiceCount})`),
  );
  if (data.invoices.length === 0) invoices.addWidget(note(bilingual('ありません', 'None')));
  for (const i of data.invoices) {
    invoices.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(bilingual(`支払期限 ${slash(i.due)}`, `Due ${slash(i.due)}`))
        .setText(
          cardText(
            clip(`${i.client} ${yen(i.billed)} ${i.number ? `(${i.number})` : ''}`.trim(), 200),
          ) || ' ',
        )
        .setWrapText(true)
        .setOpenLink(CardService.newOpenLink().setUrl(i.url)),
    );
  }
  if (data.invoiceCount > data.invoices.length) {
    invoices.addWidget(
      note(
        bilingual(
          `ほか ${data.invoiceCount - data.invoices.length} 件`,
          `and ${data.invoiceCount - data.invoices.length} more`,
        ),
      ),
    );
  }
  card.addSection(invoices);

  const open = section();
  if (data.missing.length > 0) {
    open.addWidget(
      note(
        bilingual(
          `シートがありません: ${data.missing.join('、')}。ワークブックで「ワークブックを準備」を実行してください`,
          `Missing sheets: ${data.missing.join(', ')}. Run "Set up workbook" in the workbook`,
        ),
      ),
    );
  }
  open.addWidget(
    CardService.newButtonSet().addButton(
      linkButton(bilingual('ワークブックを開く', 'Open the workbook'), data.workbookUrl),
    ),
  );
  card.addSection(open);
  return card.build();
}

/** The homepage before a workbook is known: a short explanation and the address field. */
export function connectCard(problem?: string): Card {
  const card = CardService.newCardBuilder()
    .setName('pokke-connect')
    .setHeader(header(ADDON_NAME, bilingual('ワークブックの接続', 'Connect your workbook')));
  if (problem) card.addSection(section().addWidget(note(cardText(problem))));
  return card.addSection(connectSection()).build();
}
