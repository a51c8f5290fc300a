/** Every string of the 自動化 (Automations) sidebar, Japanese and English. */
import type { Text } from '../shared/i18n';

const t = (ja: string, en: string): Text => ({ ja, en });

export const S = {
  title: t('自動化', 'Automations'),
  loading: t('読み込み中…', 'Loading…'),
  loadFailed: t('自動化の状態を読み込めませんでした', 'Could not load the automations'),
  retry: t('再読み込み', 'Reload'),

  status: t('状態', 'Status'),
  state: t('自動化', 'Automations'),
  on: t('オン', 'On'),
  off: t('オフ', 'Off'),
  runsAt: t('実行時刻', 'Runs at'),
  lastSuccess: t('前回の成功', 'Last success'),
  nextRun: t('次回の予定', 'Next run'),
  never: t('まだありません', 'Not yet'),
  continuing: t(
    '時間内に終わらなかった処理があり、続きを自動で実行します',
    'A run ran out of time; it continues on its own shortly',
  ),
  intro: t(
    '毎日決まった時間に、定期請求・督促・月次集計・定期業務をまとめて実行します。',
    'Once a day, Pokke runs recurring invoices, payment reminders, the monthly summary and routine tasks.',
  ),
  settingsHint: t(
    '督促のタイミングや月次集計の日は「設定」シートで、定期業務と定期請求はそれぞれのシートで変更できます。',
    'Reminder days and the summary day are rows of the 設定 sheet; routines and recurring invoices have their own sheets.',
  ),

  hour: t('実行する時間', 'Hour to run'),
  hourHint: t(
    '日本時間のこの時間台(例: 6時台)のどこかで実行されます',
    'Runs at some minute within this hour, Japan time',
  ),
  install: t('自動化をオンにする', 'Turn automations on'),
  installing: t('オンにしています…', 'Turning on…'),
  changeHour: t('時間を変更', 'Change the hour'),
  changingHour: t('変更しています…', 'Changing…'),
  uninstall: t('自動化をオフにする', 'Turn automations off'),
  uninstalling: t('オフにしています…', 'Turning off…'),
  confirmUninstall: t(
    '自動化をオフにします。毎日の処理は実行されなくなります。よろしいですか？',
    'Turn automations off? The daily jobs will stop running.',
  ),
  yesUninstall: t('オフにする', 'Turn off'),
  cancel: t('キャンセル', 'Cancel'),
  installFailed: t('自動化をオンにできませんでした', 'Could not turn automations on'),
  changeFailed: t('時間を変更できませんでした', 'Could not change the hour'),
  uninstallFailed: t('自動化をオフにできませんでした', 'Could not turn automations off'),
  turnedOn: t('自動化をオンにしました', 'Automations are on'),
  changed: t('実行する時間を変更しました', 'The hour has changed'),
  turnedOff: t('自動化をオフにしました', 'Automations are off'),

  dryRun: t('ドライラン', 'Dry run'),
  dryRunDate: t('確認する日', 'Date to check'),
  dryRunHint: t(
    'その日に自動化が行う処理を表示します。何も書き込みません。',
    'Shows what the automations would do that day. Nothing is written.',
  ),
  dryRunButton: t('この日の処理を確認', 'Check this day'),
  dryRunning: t('確認中…', 'Checking…'),
  dryRunFailed: t('確認できませんでした', 'Could not check'),
  badDate: t('日付を選んでください', 'Choose a date'),
  businessDay: t('営業日', 'Business day'),
  notBusinessDay: t('休業日', 'Not a business day'),
  nothingThatDay: t('この日に行う処理はありません', 'Nothing to do on this day'),
  problems: t('確認が必要な行', 'Rows to check'),

  runNow: t('今すぐ実行', 'Run now'),
  runNowHint: t(
    '今日の処理をすぐに実行します。請求書・下書き・タスクの作成やメールの送信も実際に行います。',
    "Runs today's jobs right away. Invoices, drafts and tasks are really created and mail is sent.",
  ),
  runNowButton: t('今すぐ実行', 'Run now'),
  running: t('実行中…', 'Running…'),
  confirmRunNow: t(
    '今日の処理を今すぐ実行します。ドライランではありません。請求書やメールが実際に作成されます。よろしいですか？',
    "Run today's jobs now? This is not a dry run: invoices and mail are really created.",
  ),
  yesRunNow: t('実行する', 'Run'),
  runNowFailed: t('実行できませんでした', 'Could not run'),
  noRuns: t('実行した処理はありません', 'Nothing ran'),

  recent: t('最近の実行', 'Recent runs'),
  refresh: t('更新', 'Refresh'),
  refreshing: t('更新中…', 'Refreshing…'),
  refreshFailed: t('更新できませんでした', 'Could not refresh'),
  noRecent: t('実行ログはまだありません', 'No runs yet'),
} as const;

/** The 結果 column of 実行ログ, with its English name and the colour it is shown in. */
export const RESULTS: Record<string, { text: Text; tone: string }> = {
  成功: { text: t('成功', 'Success'), tone: 'ok' },
  一部エラー: { text: t('一部エラー', 'Partly failed'), tone: 'partial' },
  エラー: { text: t('エラー', 'Error'), tone: 'error' },
  中断: { text: t('中断', 'Paused'), tone: 'paused' },
  スキップ: { text: t('スキップ', 'Skipped'), tone: 'skipped' },
};

export const count = {
  items: (n: number): Text => t(`${n}件`, n === 1 ? '1 item' : `${n} items`),
  hourOption: (h: number): Text => t(`${h}時台`, `${h}:00–${h}:59`),
  daily: (h: number): Text => t(`毎日 ${h}時台`, `Daily, ${h}:00–${h}:59`),
  withinHour: (when: string, h: number): Text => t(`${when} ${h}時台`, `${when}, ${h}:00–${h}:59`),
  owner: (owner: string): Text =>
    t(
      `このトリガーは ${owner} のアカウントで動きます`,
      `This trigger runs under ${owner}'s account`,
    ),
  ownerOnly: (owner: string): Text =>
    t(`設定を変更できるのは ${owner} さんだけです`, `Only ${owner} can change these settings`),
  holiday: (name: string): Text => t(`休業日(${name})`, `Not a business day (${name})`),
};
