import {
  languageOfTag,
  localize,
  type LocalizedText,
  type Shaped,
  type WithZeroPlurals,
} from '@sidecoach/shared';
import {
  fromAcceptLanguage,
  HUB_LANGUAGES,
  hubStrings,
  type HubLanguage,
} from '../lib/languages.js';

// What customers read: the survey page, the email and the SMS/IVR invitation, in English,
// Simplified Chinese, Traditional Chinese (Taiwan) and Latvian; survey questions themselves come
// from the survey pack. Counts have plural forms: English one/other, Chinese other, Latvian
// zero/one/other (Intl.PluralRules 'lv': zero for 0, 10-20, 30, 40...; one for 1, 21, 31...).

const en = {
  page: {
    title: 'Your feedback',
    intro: 'Thank you for contacting us. This takes less than a minute.',
    required: 'Required',
    csat: {
      1: 'Very dissatisfied',
      2: 'Dissatisfied',
      3: 'Neither',
      4: 'Satisfied',
      5: 'Very satisfied',
    },
    ease: { 1: 'Very hard', 2: 'Hard', 3: 'Neither', 4: 'Easy', 5: 'Very easy' },
    yes: 'Yes',
    no: 'No',
    commentHint_one: 'Optional, up to {{count}} character.',
    commentHint_other: 'Optional, up to {{count}} characters.',
    submit: 'Send my answers',
    privacy: 'Your answers go to the team that served you.',
    errorsTitle: 'Please check your answers',
    missing: 'Please choose an answer.',
    tooLong_one: 'Please keep this to {{count}} character.',
    tooLong_other: 'Please keep this to {{count}} characters.',
    language: 'Language',
    thanksTitle: 'Thank you',
    invalidTitle: 'This link does not work',
    invalid:
      'This survey link is not valid. Please use the link exactly as we sent it. If you copied it, part of it may be missing.',
    expiredTitle: 'This survey has closed',
    expired: 'This survey link expired on {{date}}. Thank you for wanting to tell us.',
    usedTitle: 'Already answered',
    used: 'This survey has already been answered. Each survey can be answered once. Thank you.',
    withdrawnTitle: 'This survey is closed',
    withdrawn: 'This survey is no longer open. Thank you.',
    rateLimitedTitle: 'Too many requests',
    rateLimited: 'Please wait a minute and try again.',
    errorTitle: 'Something went wrong',
    error: 'We could not take your answers just now. Please try again in a moment.',
  },
  email: {
    subject: 'How did we do? A one-minute survey about your call',
    greeting: 'Hello,',
    body: 'Thank you for contacting us today. Would you tell us how it went? It takes less than a minute.',
    button: 'Answer the survey',
    expires: 'The link is valid until {{date}}.',
    footer_one:
      'You received this because you contacted us. We ask each customer at most once a day.',
    footer_other:
      'You received this because you contacted us. We ask each customer at most once every {{count}} days.',
  },
  sms: {
    text: 'Thank you for contacting us. How did we do? One-minute survey: {{url}}',
  },
};

/** English's keys, each a string: every other language has them all (a missing one fails to build). */
type Strings = Shaped<typeof en>;

const zhCN: Strings = {
  page: {
    title: '您的反馈',
    intro: '感谢您联系我们。只需不到一分钟。',
    required: '必填',
    csat: { 1: '非常不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' },
    ease: { 1: '非常困难', 2: '困难', 3: '一般', 4: '容易', 5: '非常容易' },
    yes: '是',
    no: '否',
    commentHint_one: '选填，最多 {{count}} 个字符。',
    commentHint_other: '选填，最多 {{count}} 个字符。',
    submit: '提交我的回答',
    privacy: '您的回答会交给为您服务的团队。',
    errorsTitle: '请检查您的回答',
    missing: '请选择一个答案。',
    tooLong_one: '请不要超过 {{count}} 个字符。',
    tooLong_other: '请不要超过 {{count}} 个字符。',
    language: '语言',
    thanksTitle: '谢谢',
    invalidTitle: '此链接无效',
    invalid: '此调查链接无效。请完整使用我们发送的链接；如果是复制的，可能缺少了一部分。',
    expiredTitle: '此调查已结束',
    expired: '此调查链接已于 {{date}} 过期。感谢您愿意告诉我们。',
    usedTitle: '已经回答过了',
    used: '此调查已经回答过。每份调查只能回答一次。谢谢。',
    withdrawnTitle: '此调查已关闭',
    withdrawn: '此调查已不再开放。谢谢。',
    rateLimitedTitle: '请求过多',
    rateLimited: '请稍等一分钟再试。',
    errorTitle: '出了点问题',
    error: '暂时无法提交您的回答，请稍后再试。',
  },
  email: {
    subject: '我们做得怎么样？关于您来电的一分钟调查',
    greeting: '您好：',
    body: '感谢您今天联系我们。能告诉我们感受如何吗？只需不到一分钟。',
    button: '填写调查',
    expires: '链接有效期至 {{date}}。',
    footer_one: '您收到此邮件是因为您联系过我们。每位客户最多每 {{count}} 天收到一次调查。',
    footer_other: '您收到此邮件是因为您联系过我们。每位客户最多每 {{count}} 天收到一次调查。',
  },
  sms: { text: '感谢您联系我们。我们做得怎么样？一分钟调查：{{url}}' },
};

// Written from the English for customers in Taiwan, not converted from zh-CN: 問卷, 回饋,
// 聯絡, 送出 (submit), 字 (characters), 填答.
const zhTW: Strings = {
  page: {
    title: '您的意見回饋',
    intro: '感謝您與我們聯絡。填寫只需不到一分鐘。',
    required: '必填',
    csat: { 1: '非常不滿意', 2: '不滿意', 3: '普通', 4: '滿意', 5: '非常滿意' },
    ease: { 1: '非常困難', 2: '困難', 3: '普通', 4: '容易', 5: '非常容易' },
    yes: '是',
    no: '否',
    commentHint_one: '選填，最多 {{count}} 個字。',
    commentHint_other: '選填，最多 {{count}} 個字。',
    submit: '送出我的回答',
    privacy: '您的回答會轉交給為您服務的團隊。',
    errorsTitle: '請檢查您的回答',
    missing: '請選擇一個答案。',
    tooLong_one: '請勿超過 {{count}} 個字。',
    tooLong_other: '請勿超過 {{count}} 個字。',
    language: '語言',
    thanksTitle: '謝謝您',
    invalidTitle: '此連結無法使用',
    invalid: '這個問卷連結無效。請使用我們寄給您的完整連結；如果是複製貼上的，可能少了一部分。',
    expiredTitle: '此問卷已結束',
    expired: '這個問卷連結已於 {{date}} 失效。感謝您願意告訴我們您的想法。',
    usedTitle: '已經填答過了',
    used: '這份問卷已經填答過了。每份問卷只能填答一次。謝謝您。',
    withdrawnTitle: '此問卷已關閉',
    withdrawn: '這份問卷已不再開放填答。謝謝您。',
    rateLimitedTitle: '請求次數過多',
    rateLimited: '請稍候一分鐘再試一次。',
    errorTitle: '發生錯誤',
    error: '目前無法送出您的回答，請稍後再試一次。',
  },
  email: {
    subject: '我們的服務表現如何？一分鐘填寫本次來電的問卷',
    greeting: '您好：',
    body: '感謝您今天與我們聯絡。可以告訴我們這次的服務感受嗎？填寫只需不到一分鐘。',
    button: '填寫問卷',
    expires: '此連結的有效期限至 {{date}}。',
    footer_one:
      '您會收到這封信，是因為您曾與我們聯絡。每位客戶每 {{count}} 天最多只會收到一次問卷。',
    footer_other:
      '您會收到這封信，是因為您曾與我們聯絡。每位客戶每 {{count}} 天最多只會收到一次問卷。',
  },
  sms: { text: '感謝您與我們聯絡。我們的服務表現如何？一分鐘問卷：{{url}}' },
};

// Latvian with the formal "jūs" (lower case, as on web forms), wording that names no gender
// (the scales say what "apmierina", not who is "apmierināts"), and the three plural forms.
// Dates follow a colon: Intl writes them in the nominative ("2026. gada 1. decembris"), which
// "līdz" (until) would not take.
const lv: WithZeroPlurals<Strings> = {
  page: {
    title: 'Jūsu atsauksme',
    intro: 'Paldies, ka sazinājāties ar mums! Tas aizņems mazāk nekā minūti.',
    required: 'obligāti',
    csat: {
      1: 'Ļoti neapmierina',
      2: 'Neapmierina',
      3: 'Neitrāli',
      4: 'Apmierina',
      5: 'Ļoti apmierina',
    },
    ease: { 1: 'Ļoti grūti', 2: 'Grūti', 3: 'Neitrāli', 4: 'Viegli', 5: 'Ļoti viegli' },
    yes: 'Jā',
    no: 'Nē',
    commentHint_zero: 'Pēc izvēles, līdz {{count}} rakstzīmēm.',
    commentHint_one: 'Pēc izvēles, līdz {{count}} rakstzīmei.',
    commentHint_other: 'Pēc izvēles, līdz {{count}} rakstzīmēm.',
    submit: 'Nosūtīt atbildes',
    privacy: 'Jūsu atbildes saņems komanda, kas jūs apkalpoja.',
    errorsTitle: 'Lūdzu, pārbaudiet atbildes',
    missing: 'Lūdzu, izvēlieties atbildi.',
    tooLong_zero: 'Lūdzu, saīsiniet tekstu līdz {{count}} rakstzīmēm.',
    tooLong_one: 'Lūdzu, saīsiniet tekstu līdz {{count}} rakstzīmei.',
    tooLong_other: 'Lūdzu, saīsiniet tekstu līdz {{count}} rakstzīmēm.',
    language: 'Valoda',
    thanksTitle: 'Paldies!',
    invalidTitle: 'Šī saite nedarbojas',
    invalid:
      'Šī aptaujas saite nav derīga. Lūdzu, atveriet saiti tieši tādu, kādu to nosūtījām. Ja to kopējāt, iespējams, daļa saites ir pazudusi.',
    expiredTitle: 'Aptaujas termiņš ir beidzies',
    expired:
      'Šīs aptaujas saites derīguma termiņš beidzās: {{date}}. Paldies, ka vēlējāties dalīties ar savu viedokli.',
    usedTitle: 'Jau atbildēts',
    used: 'Uz šo aptauju jau ir atbildēts. Uz katru aptauju var atbildēt tikai vienu reizi. Paldies!',
    withdrawnTitle: 'Šī aptauja ir slēgta',
    withdrawn: 'Šī aptauja vairs nav pieejama. Paldies!',
    rateLimitedTitle: 'Pārāk daudz pieprasījumu',
    rateLimited: 'Lūdzu, uzgaidiet minūti un mēģiniet vēlreiz.',
    errorTitle: 'Radās kļūda',
    error: 'Pašlaik nevarējām saņemt jūsu atbildes. Lūdzu, pēc brīža mēģiniet vēlreiz.',
  },
  email: {
    subject: 'Kā mums veicās? Vienas minūtes aptauja par jūsu zvanu',
    greeting: 'Labdien!',
    body: 'Paldies, ka šodien sazinājāties ar mums. Vai pastāstīsiet, kā mums veicās? Tas aizņems mazāk nekā minūti.',
    button: 'Atbildēt uz aptauju',
    expires: 'Saites derīguma termiņš: {{date}}.',
    footer_zero:
      'Jūs saņēmāt šo e-pastu, jo sazinājāties ar mums. Katram klientam jautājam ne biežāk kā reizi {{count}} dienās.',
    footer_one:
      'Jūs saņēmāt šo e-pastu, jo sazinājāties ar mums. Katram klientam jautājam ne biežāk kā reizi {{count}} dienā.',
    footer_other:
      'Jūs saņēmāt šo e-pastu, jo sazinājāties ar mums. Katram klientam jautājam ne biežāk kā reizi {{count}} dienās.',
  },
  sms: {
    text: 'Paldies, ka sazinājāties ar mums! Kā mums veicās? Vienas minūtes aptauja: {{url}}',
  },
};

/** Every customer text in every language, English first (a unit test compares them by key). */
export const CUSTOMER_STRINGS = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, lv } as const;

/** Languages customers can read the survey chrome in; the first is the fallback. */
export const CUSTOMER_LANGUAGES = HUB_LANGUAGES;
export type CustomerLanguage = HubLanguage;

/**
 * The closest supported language to a BCP 47 tag: zh-TW, zh-Hant, zh-HK and zh-MO read
 * Traditional Chinese; zh, zh-CN, zh-Hans and zh-SG Simplified; lv and lv-LV Latvian.
 */
export const customerLanguage = languageOfTag;
export { fromAcceptLanguage };

/**
 * The language of a survey page: the customer's language as the call knew it, else their
 * browser's, else the language the survey was sent in (the hub's default when nobody knew
 * theirs), else English. A language the customer picks on the page (its language links)
 * overrides all of these for that page.
 */
export function pageLanguage(from: {
  chosen?: string | null;
  customer?: string | null;
  acceptLanguage?: string;
  sentIn?: string | null;
}): CustomerLanguage {
  return (
    customerLanguage(from.chosen) ??
    customerLanguage(from.customer) ??
    fromAcceptLanguage(from.acceptLanguage) ??
    customerLanguage(from.sentIn) ??
    'en'
  );
}

export const customerT = hubStrings(CUSTOMER_STRINGS);

/** A survey pack text in the customer's language, English when it has none (as `localize`). */
export const localized = (text: LocalizedText, lang: CustomerLanguage): string =>
  localize(text, lang);

/** A date customers read, in their language. */
export const customerDate = (iso: string, lang: CustomerLanguage) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
