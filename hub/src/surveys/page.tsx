import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Survey, SurveyBrand, SurveyQuestion } from '@sidecoach/shared';
import { CUSTOMER_LANGUAGES, customerT, localized, type CustomerLanguage } from './i18n.js';

// The customer's survey pages, rendered on the hub as plain HTML: they need no script, so they
// work on any phone and behind strict mail-client link checkers. React escapes every text it
// renders. One small deferred script (SURVEY_SCRIPT) changes nothing the customer sees.

export const SURVEY_CSS_PATH = '/s/assets/survey.css';
export const SURVEY_SCRIPT_PATH = '/s/assets/survey.js';

/**
 * Run in every visitor's browser, the same for all: where this origin's storage holds the web
 * sidebar's session for this hub (a staff member answering in their own browser), the form
 * carries its token in a hidden field, and the hub sets the answer apart (self-answer.ts).
 * Nothing is shown, nothing is refused; without script the form works as before.
 */
export const SURVEY_SCRIPT = `(function () {
  try {
    var saved = JSON.parse(localStorage.getItem('sidecoach.session') || 'null');
    if (!saved || typeof saved.token !== 'string' || saved.hubUrl !== location.origin) return;
    var forms = document.querySelectorAll('form[method="post"]');
    for (var i = 0; i < forms.length; i++) {
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'staff_session';
      field.value = saved.token;
      forms[i].appendChild(field);
    }
  } catch (e) {
    /* no storage (private mode, blocked): nothing to tell */
  }
})();
`;

/** Each language in its own words, as the customer looks for it. */
const LANGUAGE_NAMES: Record<CustomerLanguage, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  lv: 'Latviešu',
};

/** Whose page this is: the pack's brand and the version it is in (its stylesheet's address). */
export interface PageBrand {
  brand: SurveyBrand | undefined;
  version: number;
}

/** The brand's stylesheet: the pack's colour, and text on it that keeps its contrast. */
export const brandCssPath = (version: number) => `/s/assets/brand/${version}.css`;

function Layout({
  lang,
  title,
  children,
  languages,
  brand,
}: {
  lang: CustomerLanguage;
  title: string;
  children: ReactNode;
  /** Other languages to offer, with the link to each. */
  languages?: { lang: CustomerLanguage; href: string }[];
  brand: PageBrand;
}) {
  const t = customerT(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <link rel="stylesheet" href={SURVEY_CSS_PATH} />
        {brand.brand ? <link rel="stylesheet" href={brandCssPath(brand.version)} /> : null}
        <script src={SURVEY_SCRIPT_PATH} defer />
      </head>
      <body>
        <main>
          {brand.brand ? <p className="brand">{localized(brand.brand.name, lang)}</p> : null}
          {languages && languages.length > 1 ? (
            <nav aria-label={t('page.language')} className="languages">
              {languages.map((l) =>
                l.lang === lang ? (
                  <span key={l.lang} aria-current="true" lang={l.lang}>
                    {LANGUAGE_NAMES[l.lang]}
                  </span>
                ) : (
                  <a key={l.lang} href={l.href} lang={l.lang} hrefLang={l.lang}>
                    {LANGUAGE_NAMES[l.lang]}
                  </a>
                ),
              )}
            </nav>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

const page = (node: ReactNode) => `<!doctype html>${renderToStaticMarkup(node)}`;

/** Answers as typed into the form, kept when it is shown again with errors. */
export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

/** A required question answered by choosing one option: its legend, error and options. */
function ChoiceFieldset({
  question,
  lang,
  error,
  children,
}: {
  question: SurveyQuestion;
  lang: CustomerLanguage;
  error: string | undefined;
  children: ReactNode;
}) {
  const t = customerT(lang);
  const errorId = `${question.id}-error`;
  return (
    <fieldset
      id={question.id}
      className={error ? 'invalid' : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {localized(question.text, lang)} <span className="required">({t('page.required')})</span>
      </legend>
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

function Question(props: {
  question: SurveyQuestion;
  lang: CustomerLanguage;
  values: FormValues;
  error: string | undefined;
}) {
  const { question, lang, values, error } = props;
  const t = customerT(lang);
  const errorId = `${question.id}-error`;
  switch (question.kind) {
    case 'csat':
    case 'effort': {
      // Every scale reads low-is-bad, left to right. Effort is stored the usual CES way round
      // (1 very easy, 5 very hard), so its points show ease and post the stored value.
      const stored = (n: number) => (question.kind === 'effort' ? 6 - n : n);
      const words = question.kind === 'effort' ? 'ease' : 'csat';
      return (
        <ChoiceFieldset question={question} lang={lang} error={error}>
          <div className="scale">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={question.id}
                  value={String(stored(n))}
                  required
                  defaultChecked={values[question.id] === String(stored(n))}
                />
                <span className="score">{n}</span>
                <span className="words">{t(`page.${words}.${n}`)}</span>
              </label>
            ))}
          </div>
        </ChoiceFieldset>
      );
    }
    case 'resolved':
      return (
        <ChoiceFieldset question={question} lang={lang} error={error}>
          <div className="choices">
            {(['yes', 'no'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={question.id}
                  value={v}
                  required
                  defaultChecked={values[question.id] === v}
                />
                <span>{t(`page.${v}`)}</span>
              </label>
            ))}
          </div>
        </ChoiceFieldset>
      );
    case 'comment': {
      const hintId = `${question.id}-hint`;
      return (
        <div className={error ? 'field invalid' : 'field'}>
          <label htmlFor={question.id}>{localized(question.text, lang)}</label>
          <p className="hint" id={hintId}>
            {t('page.commentHint', { count: question.maxLength })}
          </p>
          {error ? (
            <p className="error" id={errorId}>
              {error}
            </p>
          ) : null}
          <textarea
            id={question.id}
            name={question.id}
            rows={4}
            maxLength={question.maxLength}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            defaultValue={values[question.id] ?? ''}
          />
        </div>
      );
    }
  }
}

export function surveyFormPage(options: {
  survey: Survey;
  brand: PageBrand;
  lang: CustomerLanguage;
  action: string;
  languages: { lang: CustomerLanguage; href: string }[];
  values?: FormValues;
  errors?: FormErrors;
}): string {
  const { survey, brand, lang, action, languages, values = {}, errors = {} } = options;
  const t = customerT(lang);
  const problems = survey.questions.filter((q) => errors[q.id]);
  return page(
    <Layout lang={lang} title={localized(survey.name, lang)} languages={languages} brand={brand}>
      <h1>{localized(survey.name, lang)}</h1>
      <p>{t('page.intro')}</p>
      {problems.length > 0 ? (
        <div className="summary" role="alert">
          <h2>{t('page.errorsTitle')}</h2>
          <ul>
            {problems.map((q) => (
              <li key={q.id}>
                <a href={`#${q.id}`}>{localized(q.text, lang)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} noValidate>
        <input type="hidden" name="lang" value={lang} />
        {survey.questions.map((q) => (
          <Question key={q.id} question={q} lang={lang} values={values} error={errors[q.id]} />
        ))}
        <button type="submit">{t('page.submit')}</button>
        <p className="privacy">{t('page.privacy')}</p>
      </form>
    </Layout>,
  );
}

export function thankYouPage(survey: Survey, lang: CustomerLanguage, brand: PageBrand): string {
  const t = customerT(lang);
  return page(
    <Layout lang={lang} title={t('page.thanksTitle')} brand={brand}>
      <h1>{t('page.thanksTitle')}</h1>
      <p>{localized(survey.thankYou, lang)}</p>
    </Layout>,
  );
}

export type MessageKind = 'invalid' | 'expired' | 'used' | 'withdrawn' | 'rateLimited' | 'error';

/** A page that says, in the customer's language, why the survey cannot be answered. */
export function messagePage(
  kind: MessageKind,
  lang: CustomerLanguage,
  brand: PageBrand,
  date?: string,
): string {
  const t = customerT(lang);
  return page(
    <Layout lang={lang} title={t(`page.${kind}Title`)} brand={brand}>
      <h1>{t(`page.${kind}Title`)}</h1>
      <p>{t(`page.${kind}`, { date })}</p>
    </Layout>,
  );
}

export const allLanguages = CUSTOMER_LANGUAGES;

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The brand's colours: buttons and chosen answers in the brand colour with white or near-black
 * text, whichever reads better; links and focus rings in it only where it reads on white
 * (4.5:1), else in the page's dark text colour. The colour is validated as #rrggbb.
 */
export function brandCss(brand: SurveyBrand): string {
  const l = luminance(brand.colour);
  const dark = '#1b1d21';
  const onBrand = contrast(l, 1) >= contrast(l, luminance(dark)) ? '#ffffff' : dark;
  const accent = contrast(l, 1) >= 4.5 ? brand.colour : dark;
  return `:root { --brand: ${brand.colour}; --on-brand: ${onBrand}; --accent: ${accent}; }\n`;
}

/** The survey page's stylesheet (served by the hub: the page's CSP allows its own styles only). */
export const SURVEY_CSS = `
:root { color-scheme: light; --accent: #1f5fbf; --brand: #1f5fbf; --on-brand: #fff; --error: #b00020; --line: #c8ccd4; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1b1d21; background: #f4f5f7; }
:lang(zh-TW) { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif; }
main { max-width: 36rem; margin: 0 auto; padding: 1rem 1rem 3rem; background: #fff; min-height: 100vh; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 0.5rem; }
h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.languages { display: flex; gap: 1rem; justify-content: flex-end; font-size: 0.95rem; }
.languages a { color: var(--accent); }
fieldset, .field { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: 0.75rem 0.9rem 0.9rem; min-width: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { display: block; }
.field > label { font-weight: 600; }
.required { font-weight: 400; color: #555; font-size: 0.9rem; }
.scale { display: grid; grid-template-columns: 1fr; gap: 0.4rem; margin-top: 0.5rem; }
.scale label, .choices label { display: flex; align-items: center; gap: 0.6rem; padding: 0.55rem 0.75rem; border: 1px solid var(--line); border-radius: 8px; min-height: 44px; cursor: pointer; }
.scale input, .choices input { width: 1.3rem; height: 1.3rem; margin: 0; flex: none; accent-color: var(--accent); }
.scale label:has(input:checked), .choices label:has(input:checked) { border-color: var(--brand); box-shadow: inset 0 0 0 2px var(--brand); }
.scale label:has(input:focus-visible), .choices label:has(input:focus-visible) { outline: 3px solid var(--accent); outline-offset: 2px; }
.score { font-weight: 700; min-width: 1ch; }
.words { color: #333; }
@media (min-width: 560px) {
  .scale { grid-template-columns: repeat(5, minmax(0, 1fr)); }
  .scale label { flex-direction: column; text-align: center; gap: 0.15rem; padding: 0.5rem 0.2rem; }
  .scale .words { font-size: 0.8rem; line-height: 1.2; }
}
.choices { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; margin-top: 0.5rem; }
.choices label { justify-content: center; font-size: 1.05rem; }
textarea { width: 100%; font: inherit; padding: 0.5rem; border: 1px solid #8a8f98; border-radius: 6px; }
textarea:focus { outline: 3px solid var(--accent); outline-offset: 1px; }
.hint { margin: 0.1rem 0 0.4rem; color: #555; font-size: 0.9rem; }
.error { color: var(--error); font-weight: 600; margin: 0.25rem 0; }
.invalid { border-color: var(--error); border-width: 2px; }
.summary { border: 2px solid var(--error); border-radius: 8px; padding: 0.75rem 1rem; margin: 1rem 0; }
.summary a { color: var(--error); }
button { display: block; width: 100%; font: inherit; font-weight: 600; padding: 0.8rem; margin-top: 1.25rem; color: var(--on-brand); background: var(--brand); border: 0; border-radius: 8px; min-height: 48px; cursor: pointer; }
button:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
.privacy { color: #555; font-size: 0.9rem; }
.brand { margin: 0; font-weight: 700; color: var(--accent); border-bottom: 4px solid var(--brand); padding-bottom: 0.5rem; }
`;
