import i18next, { type TFunction } from 'i18next';
import type { LocalizedText } from '@sidecoach/shared';

// What customers read: the survey page, the email and the SMS/IVR invitation. English and
// Simplified Chinese, like the sidebar; survey questions themselves come from the survey pack.

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
    commentHint: 'Optional, up to {{max}} characters.',
    submit: 'Send my answers',
    privacy: 'Your answers go to the team that served you.',
    errorsTitle: 'Please check your answers',
    missing: 'Please choose an answer.',
    tooLong: 'Please keep this to {{max}} characters.',
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
    footer:
      'You received this because you contacted us. We ask each customer at most once every {{days}} days.',
  },
  sms: {
    text: 'Thank you for contacting us. How did we do? One-minute survey: {{url}}',
  },
};

type Strings = typeof en;

const zhCN: Strings = {
  page: {
    title: '您的反馈',
    intro: '感谢您联系我们。只需不到一分钟。',
    required: '必填',
    csat: { 1: '非常不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' },
    ease: { 1: '非常困难', 2: '困难', 3: '一般', 4: '容易', 5: '非常容易' },
    yes: '是',
    no: '否',
    commentHint: '选填，最多 {{max}} 个字符。',
    submit: '提交我的回答',
    privacy: '您的回答会交给为您服务的团队。',
    errorsTitle: '请检查您的回答',
    missing: '请选择一个答案。',
    tooLong: '请不要超过 {{max}} 个字符。',
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
    footer: '您收到此邮件是因为您联系过我们。每位客户最多每 {{days}} 天收到一次调查。',
  },
  sms: { text: '感谢您联系我们。我们做得怎么样？一分钟调查：{{url}}' },
};

/** Languages customers can read the survey chrome in; the first is the fallback. */
export const CUSTOMER_LANGUAGES = ['en', 'zh-CN'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  fallbackLng: 'en',
  supportedLngs: [...CUSTOMER_LANGUAGES],
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false }, // React and nodemailer escape; SMS is plain text
});

/** The closest supported language to a BCP 47 tag ("zh-Hans-CN", "zh" -> zh-CN). */
export function customerLanguage(tag: string | null | undefined): CustomerLanguage | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** The language for an Accept-Language header's first supported entry. */
export function fromAcceptLanguage(header: string | undefined): CustomerLanguage | null {
  if (!header) return null;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((e) => e.tag && e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const lang = customerLanguage(tag);
    if (lang) return lang;
  }
  return null;
}

export const customerT = (lang: CustomerLanguage): TFunction => i18n.getFixedT(lang);

/** A survey pack text in the customer's language, English when it has none. */
export const localized = (text: LocalizedText, lang: CustomerLanguage): string =>
  text[lang] ?? text.en ?? '';

/** A date customers read, in their language. */
export const customerDate = (iso: string, lang: CustomerLanguage) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
