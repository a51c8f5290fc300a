/**
 * Small CardService helpers shared by Pokke's Gmail cards. Every text that may come from a mail
 * or a cell goes through `cardText` (escaped: CardService reads a subset of HTML in text
 * widgets); only literal strings written here are passed as they are.
 */

import { cardText, clip } from '../../core/mailTask';
import { inLang, type Lang, sayIn } from '../../core/text';
import { failureText } from '../rpc';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;

export const ADDON_NAME = 'Pokke';

export function header(title: string, subtitle?: string): GoogleAppsScript.Card_Service.CardHeader {
  const h = CardService.newCardHeader().setTitle(title);
  return subtitle ? h.setSubtitle(subtitle) : h;
}

/** A paragraph of literal text written in code (may carry simple markup such as <b>). */
export function note(markup: string): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(markup);
}

/** A paragraph of untrusted text (from a mail, a cell or an error), shown as text. */
export function textOf(text: string, max = 2000): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(cardText(clip(text, max)) || ' ');
}

export function linkButton(label: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton()
    .setText(label)
    .setOpenLink(CardService.newOpenLink().setUrl(url));
}

export function actionButton(
  label: string,
  functionName: string,
  parameters: Record<string, string> = {},
  filled = false,
): GoogleAppsScript.Card_Service.TextButton {
  const button = CardService.newTextButton()
    .setText(label)
    .setOnClickAction(
      CardService.newAction()
        .setFunctionName(functionName)
        .setParameters(parameters)
        .setLoadIndicator(CardService.LoadIndicator.SPINNER),
    );
  return filled ? button.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : button;
}

export function section(title?: string): CardSection {
  const s = CardService.newCardSection();
  return title ? s.setHeader(title) : s;
}

/** A card saying what went wrong in words a person can act on, never a stack trace. */
export function messageCard(title: string, message: string): Card {
  return CardService.newCardBuilder()
    .setName('pokke-message')
    .setHeader(header(ADDON_NAME, title))
    .addSection(section().addWidget(textOf(message)))
    .build();
}

/** The message of any error, for a card or a notification (the stack goes to the log only). */
export function errorMessage(e: unknown, lang: Lang): string {
  return inLang(failureText(e), lang);
}

export function errorCard(e: unknown, lang: Lang): Card {
  return messageCard(sayIn(lang)('エラー', 'Error'), errorMessage(e, lang));
}

/** An action's answer: replace the current card, optionally with a short notification. */
export function updateWith(
  card: Card,
  notification?: string,
): GoogleAppsScript.Card_Service.ActionResponse {
  const b = CardService.newActionResponseBuilder().setNavigation(
    CardService.newNavigation().updateCard(card),
  );
  if (notification) {
    b.setNotification(CardService.newNotification().setText(clip(notification, 200)));
  }
  return b.build();
}

/** An action's answer that only notifies (the card stays as it is, with what the user typed). */
export function notify(text: string): GoogleAppsScript.Card_Service.ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText(clip(text, 200)))
    .build();
}
