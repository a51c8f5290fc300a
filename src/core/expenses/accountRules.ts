/**
 * Words that point to an account, first match wins. Rules that name a kind of purchase are read
 * in the memo first, then in the payee (「Amazon」 with memo 「コピー用紙」 is 事務用品費); brand
 * names that are also English words (GO, au) are only read in the payee.
 */
import type { ExpenseAccount } from './accounts';

export interface AccountRule {
  readonly pattern: RegExp;
  readonly account: ExpenseAccount;
  /** Only the payee is looked at. */
  readonly payeeOnly?: boolean;
}

const rule = (pattern: RegExp, account: ExpenseAccount, payeeOnly = false): AccountRule => ({
  pattern,
  account,
  payeeOnly,
});

export const ACCOUNT_RULES: readonly AccountRule[] = [
  rule(/会議室|貸会議室|レンタルスペース/, '会議費'),
  rule(/収入印紙|印紙|固定資産税|自動車税|事業税|登録免許税|住民税/, '租税公課'),
  rule(/振込手数料|決済手数料|手数料|stripe fee|paypal fee/i, '支払手数料'),
  rule(
    /宅急便|宅配便|ゆうパック|ゆうパケット|クリックポスト|佐川|ヤマト運輸|運送|送料|配送料/,
    '荷造運賃',
  ),
  rule(
    /切手|はがき|ハガキ|レターパック|郵便|携帯|スマホ|電話|回線|インターネット|プロバイダ|wi-?fi|ドメイン|サーバー|レンタルサーバ/i,
    '通信費',
  ),
  rule(
    /slack|zoom|google workspace|microsoft 365|notion|github|dropbox|chatwork|aws|amazon web services|さくらインターネット|xserver|エックスサーバー/i,
    '通信費',
  ),
  rule(/ドコモ|docomo|ソフトバンク|softbank|楽天モバイル|ntt|ahamo|povo|uq/i, '通信費', true),
  rule(/(?<![a-z])au(?![a-z])|kddi/i, '通信費', true),
  rule(
    /タクシー|taxi|電車|新幹線|鉄道|バス|航空|飛行機|乗車|交通|suica|pasmo|icoca|駐車|パーキング|高速道路|ホテル|宿泊|旅館|出張/i,
    '旅費交通費',
  ),
  rule(
    /(?<![a-z])(?:jr|ana|jal|go|didi|s\.ride)(?![a-z])|uber(?! ?eats)|日本交通|東京メトロ|京王|小田急|東急|西武|東武/i,
    '旅費交通費',
    true,
  ),
  rule(/ETC/, '旅費交通費'),
  rule(/電気|電力|ガス|水道/, '水道光熱費'),
  rule(/家賃|賃料|地代|月極|コワーキング|レンタルオフィス|シェアオフィス/, '地代家賃'),
  rule(
    /広告|チラシ|google ads|meta ads|facebook広告|インスタ広告|名刺|看板|ポスティング/i,
    '広告宣伝費',
  ),
  rule(/外注|業務委託|デザイン料|制作費|翻訳料|ライティング/, '外注費'),
  rule(/修理|修繕|メンテナンス/, '修繕費'),
  rule(/保険/, '保険料'),
  rule(/健康診断|慶弔|お祝い金|香典/, '福利厚生費'),
  rule(/年会費|会費|商工会|組合費/, '諸会費'),
  rule(/セミナー|研修|講座|受講|講習|udemy|勉強会/i, '研修費'),
  rule(
    /書籍|本代|書店|書房|図書|技術書|ブックス|新聞|雑誌|kindle|紀伊國屋|ジュンク堂|丸善/i,
    '新聞図書費',
  ),
  rule(
    /文房具|文具|コピー用紙|用紙|トナー|インク|ボールペン|封筒|ファイル|アスクル|askul/i,
    '事務用品費',
  ),
  rule(
    /消耗品|ケーブル|usb|マウス|キーボード|電池|充電器|ヨドバシ|ビックカメラ|ダイソー|ホームセンター|amazon|アマゾン|モノタロウ|monotaro/i,
    '消耗品費',
  ),
  rule(/お土産|手土産|贈答|お中元|お歳暮|ゴルフ|花束|祝い花/, '接待交際費'),
];

/** Words that say a purchase was food or drink (for the 会議費 / 接待交際費 rule). */
export const MEAL_WORDS =
  /飲食|会食|食事|ランチ|ディナー|昼食|夕食|懇親|飲み会|レストラン|食堂|居酒屋|カフェ|喫茶|珈琲|コーヒー|寿司|焼肉|ラーメン|そば|うどん|弁当|スターバックス|ドトール|タリーズ|コメダ|restaurant|cafe|café|coffee|lunch|dinner|meal/i;

/** Words that say people from outside the business took part. */
export const OUTSIDE_PARTY_WORDS =
  /打ち?合わ?せ|商談|会議|ミーティング|接待|会食|取引先|得意先|お客様|クライアント|様と|氏と|社と|client|customer|meeting/i;
