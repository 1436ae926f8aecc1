import type { Shaped, WithZeroPlurals } from '@sidecoach/shared';
import { fromAcceptLanguage, hubStrings, type HubLanguage } from '../lib/languages.js';

// The hub's own pages for staff, where the sidebar cannot answer (a single sign-on callback
// the hub cannot place). Nobody is signed in there, so the browser's language decides.

const en = {
  sso: {
    expiredTitle: 'Sign-in link expired',
    expired:
      'This sign-in was finished already or is unknown here. Go back to Sidecoach and sign in again.',
  },
};

type Strings = Shaped<typeof en>;

const zhCN: Strings = {
  sso: {
    expiredTitle: '登录链接已失效',
    expired: '这次登录已经完成，或者此服务器无法识别。请返回 Sidecoach 重新登录。',
  },
};

const zhTW: Strings = {
  sso: {
    expiredTitle: '登入連結已失效',
    expired: '這次登入已經完成，或是此伺服器無法辨識。請回到 Sidecoach 重新登入。',
  },
};

const lv: WithZeroPlurals<Strings> = {
  sso: {
    expiredTitle: 'Pierakstīšanās saite vairs nav derīga',
    expired:
      'Šī pierakstīšanās jau ir pabeigta vai šeit nav zināma. Atgriezieties Sidecoach un pierakstieties vēlreiz.',
  },
};

/** Every staff page text in every language, English first (a unit test compares them by key). */
export const STAFF_STRINGS = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, lv } as const;

export const staffT = hubStrings(STAFF_STRINGS);

/** The language of a hub page nobody is signed in to: the browser's, else English. */
export const staffPageLanguage = (acceptLanguage: string | undefined): HubLanguage =>
  fromAcceptLanguage(acceptLanguage) ?? 'en';
