/**
 * What the sidebar needs to open the Google Picker for Pokke (developers.google.com/apps-script/
 * guides/dialogs, "File-open dialogs"): the user's OAuth token from `ScriptApp.getOAuthToken()`
 * (Picker then needs no sign-in of its own), the API key (`setDeveloperKey`) and the Cloud project
 * number (`setAppId`: with the drive.file scope a picked file is granted to the app of that
 * project only). The key and the number belong to the deployment, not to the code: the owner sets
 * them once as script properties (Apps Script editor → Project Settings → Script properties).
 */
import type { PaymentsPickerSetup } from '../core/contracts/payments';
import { text } from '../core/text';

export const PICKER_KEY_PROPERTY = 'POKKE_PICKER_API_KEY';
export const PICKER_APP_ID_PROPERTY = 'POKKE_PICKER_APP_ID';

export function pickerSetup(): PaymentsPickerSetup {
  const props = PropertiesService.getScriptProperties();
  const developerKey = (props.getProperty(PICKER_KEY_PROPERTY) ?? '').trim();
  const appId = (props.getProperty(PICKER_APP_ID_PROPERTY) ?? '').trim();
  const missing = [
    ...(developerKey === '' ? [PICKER_KEY_PROPERTY] : []),
    ...(/^\d+$/.test(appId) ? [] : [PICKER_APP_ID_PROPERTY]),
  ];
  if (missing.length > 0) {
    const names = missing.join(', ');
    return {
      ok: false,
      message: text(
        `Driveから選ぶには、Apps Script エディタの「プロジェクトの設定」→「スクリプト プロパティ」に ${names} を設定してください(APIキーとCloudプロジェクト番号。READMEの「Install」を参照)。それまではファイルをアップロードしてください`,
        `To choose from Drive, set ${names} in the Apps Script editor under Project Settings → Script properties (the API key and the Cloud project number; see Install in the README). Until then, upload the file`,
      ),
    };
  }
  return { ok: true, oauthToken: ScriptApp.getOAuthToken(), developerKey, appId };
}
