import { suggestTaskTitle } from '../../../src/core/dueDate';

describe('suggestTaskTitle', () => {
  test.each([
    ['Re: 見積書の件', '見積書の件'],
    ['RE: Fwd: FW: Invoice for November', 'Invoice for November'],
    ['Re: Re: Re[2]: 打ち合わせ日程', '打ち合わせ日程'],
    ['RE：お見積りについて', 'お見積りについて'],
    ['転送: 【重要】請求書送付のお願い', '請求書送付のお願い'],
    ['返信：【見積依頼】ABC案件', '【見積依頼】ABC案件'],
    ['【至急】【再送】契約書のご確認', '【至急】契約書のご確認'],
    ['[External] Re: Contract review', 'Contract review'],
    ['［外部］ご請求書の件', 'ご請求書の件'],
    ['【重要】', '【重要】'],
    ['  件名　に\t  空白  ', '件名 に 空白'],
    ['A\u0000B\u0007C', 'A B C'],
  ])('%s → %s', (subject, title) => {
    expect(suggestTaskTitle(subject, '')).toBe(title);
  });

  test('long subjects are cut to 80 characters with an ellipsis', () => {
    const title = suggestTaskTitle(`Re: ${'請求'.repeat(100)}`, '');
    expect(Array.from(title)).toHaveLength(80);
    expect(title.endsWith('…')).toBe(true);
  });

  test('surrogate pairs are not split', () => {
    const title = suggestTaskTitle('😀'.repeat(100), '');
    expect(Array.from(title)).toHaveLength(80);
    expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test('empty subject: the first meaningful line of the body', () => {
    const body =
      '山田様\n\nお世話になっております。\n株式会社ABCの佐藤です。\n\n請求書を再発行していただけますか。\nよろしくお願いします。';
    expect(suggestTaskTitle('', body)).toBe('請求書を再発行していただけますか。');
  });

  test('empty subject, English body', () => {
    const body = 'Hi Tom,\n\nCould you send the signed contract?\nThanks';
    expect(suggestTaskTitle('   ', body)).toBe('Could you send the signed contract?');
  });

  test('quoted lines of the body are not titles', () => {
    expect(suggestTaskTitle('', '> 前回の件\n\n了解しました')).toBe('了解しました');
  });

  test('never empty: a fallback in the language of the mail', () => {
    expect(suggestTaskTitle('', '')).toBe('メールの確認');
    expect(suggestTaskTitle('Re:', 'お世話になっております。')).toBe('メールの確認');
    expect(suggestTaskTitle('', 'Hello,\n')).toBe('Follow up on mail');
    expect(suggestTaskTitle('Fwd:', '\n\n---\n')).toBe('メールの確認');
  });

  test('hostile strings come back as plain text, not markup', () => {
    expect(suggestTaskTitle('<script>alert(1)</script>', '')).toBe('<script>alert(1)</script>');
    expect(suggestTaskTitle('', '<img src=x onerror=alert(1)>')).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  test('a huge body is handled', () => {
    expect(suggestTaskTitle('', `${'\n'.repeat(500_000)}本文`)).toBe('メールの確認');
    expect(suggestTaskTitle('', 'x'.repeat(1_000_000))).toHaveLength(80);
  });
});
