/**
 * The card stack of one add-on pane, as Google Workspace hosts keep it (the "Card navigation"
 * guide): a trigger's card is the root; `pushCard` adds a card on top, `pop` removes the top one
 * (never the root), `popToRoot` goes back to the root, `popToCard` to the topmost card of that
 * name, `updateCard` replaces the top card in place. The pane shows the top card, with a back
 * arrow whenever there is a card under it. A Navigation that chains several steps applies them
 * in order.
 *
 * A trigger that returns several cards: the host shows "a card with a list of headers", from
 * which the person opens one (pushed on top of the list). The list is the root here.
 *
 * Pure: no emulator, no bundle; `addon-card.ts` feeds it the responses the bundle returns.
 */
import type { CardJson, NavigationJson } from '../emulator/services/card';

export type StackEntry =
  | { readonly kind: 'card'; readonly card: CardJson }
  | { readonly kind: 'list'; readonly cards: readonly CardJson[] };

export class CardStack {
  private entries: StackEntry[] = [];

  /** A trigger's result becomes the whole stack: one card, or the list of several. */
  reset(cards: readonly CardJson[]): void {
    this.entries = [];
    if (cards.length === 1 && cards[0]) this.entries.push({ kind: 'card', card: cards[0] });
    else if (cards.length > 1) this.entries.push({ kind: 'list', cards: [...cards] });
  }

  clear(): void {
    this.entries = [];
  }

  get depth(): number {
    return this.entries.length;
  }

  get top(): StackEntry | null {
    return this.entries[this.entries.length - 1] ?? null;
  }

  /** The card on top (null when the top is the list of cards, or the stack is empty). */
  get topCard(): CardJson | null {
    const top = this.top;
    return top?.kind === 'card' ? top.card : null;
  }

  /** The names of the cards from the root up (`''` for unnamed cards and for the list). */
  names(): string[] {
    return this.entries.map((e) => (e.kind === 'card' ? (e.card.name ?? '') : ''));
  }

  push(card: CardJson): void {
    this.entries.push({ kind: 'card', card });
  }

  /** The back arrow, or a `pop` step: the top card goes, the root stays. */
  pop(): boolean {
    if (this.entries.length <= 1) return false;
    this.entries.pop();
    return true;
  }

  popToRoot(): void {
    this.entries.length = Math.min(this.entries.length, 1);
  }

  /** Back to the topmost card named `name`; the stack is left as it was when there is none. */
  popToCard(name: string): boolean {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e?.kind === 'card' && e.card.name === name) {
        this.entries.length = i + 1;
        return true;
      }
    }
    return false;
  }

  /** In-place replacement of the top card (the root too); on an empty stack, the new root. */
  update(card: CardJson): void {
    if (this.entries.length === 0) this.entries.push({ kind: 'card', card });
    else this.entries[this.entries.length - 1] = { kind: 'card', card };
  }

  /** One card of the list on top is opened (pushed). False when there is no such card. */
  open(index: number): boolean {
    const top = this.top;
    if (top?.kind !== 'list') return false;
    const card = top.cards[index];
    if (!card) return false;
    this.push(card);
    return true;
  }

  /** Applies a Navigation's steps in order. */
  apply(steps: readonly NavigationJson[]): void {
    for (const step of steps) {
      if ('pushCard' in step) this.push(step.pushCard);
      else if ('updateCard' in step) this.update(step.updateCard);
      else if ('pop' in step) this.pop();
      else if ('popToRoot' in step) this.popToRoot();
      else if ('popToCard' in step) this.popToCard(step.popToCard);
    }
  }
}
