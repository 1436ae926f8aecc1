import type { SsoMessages } from './sso.en.js';

/** 單一登入相關的繁體中文（台灣）文字（與英文檔案的鍵一一對應）。 */
export const ssoZhTW: SsoMessages = {
  button: '使用 {{provider}} 登入',
  busy: '登入中…',
  waiting: '請在網頁瀏覽器中完成登入，再回到這裡。',
  or: '或',
  passwordsOff: '此伺服器已停用密碼登入。',
  breakGlass: '緊急管理員登入',
  hideBreakGlass: '隱藏密碼登入',
  error: {
    disabled: '您的帳號已停用。請聯絡管理員重新啟用。',
    unknown_user: '找不到與您的 {{provider}} 登入相符的 Sidecoach 帳號。請聯絡管理員為您新增。',
    expired: '此次登入已逾時或已使用過。請再試一次。',
    refused: '{{provider}} 未確認您的登入。請再試一次。',
    unavailable: '目前無法連線到 {{provider}}。請稍後再試，或聯絡管理員。',
    state: '瀏覽器傳回的結果不屬於這次登入。請再試一次。',
    timeout: '在瀏覽器中登入花費的時間過長。請再試一次。',
    browser: '無法開啟網頁瀏覽器。請再試一次。',
    code: '登入代碼已過期或已使用過。請再試一次。',
    insecure: '單一登入需要透過安全連線（https）連到伺服器。',
  },
};
