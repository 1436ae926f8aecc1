import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Survey } from '@sidecoach/shared';
import type { JobQueue } from '../lib/jobs.js';
import type { Logger } from '../lib/log.js';
import type { SurveyDeps } from './decide.js';
import {
  CUSTOMER_LANGUAGES,
  customerDate,
  customerT,
  fromAcceptLanguage,
  pageLanguage,
  type CustomerLanguage,
} from './i18n.js';
import {
  brandCss,
  messagePage,
  surveyFormPage,
  type PageBrand,
  thankYouPage,
  SURVEY_CSS,
  SURVEY_CSS_PATH,
  SURVEY_SCRIPT,
  SURVEY_SCRIPT_PATH,
  type FormValues,
  type MessageKind,
} from './page.js';
import { answered, sendRowOfToken, type SurveySendRow } from './records.js';
import { AlreadyAnswered, checkAnswers, submitJob } from './responses.js';
import { selfAnswerOf, STAFF_SESSION_FIELD } from './self-answer.js';

/** Largest survey form accepted (five questions, a comment of at most 2,000 characters). */
const FORM_LIMIT = 16 * 1024;

type Params = { token: string };
type Query = { lang?: string };

/**
 * The customer's survey page at `/s/<token>`: a form, answered once, then a thank-you. Reused,
 * expired, withdrawn and forged links get a page saying so (410/409/404); requests are
 * rate-limited per address.
 */
export function registerSurveyRoutes(
  app: FastifyInstance,
  deps: SurveyDeps,
  inbox: JobQueue,
  log: Logger,
  /** Told of each answer once it is stored (the bus's `survey:answered`). */
  onAnswered: (agentId: string) => void = () => undefined,
) {
  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: FORM_LIMIT });
    const page = (reply: FastifyReply, status: number, html: string) =>
      reply
        .code(status)
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(html);
    const langOf = (request: FastifyRequest<{ Querystring: Query }>, row?: SurveySendRow) =>
      pageLanguage({
        chosen: request.query.lang,
        customer: row?.customer_lang,
        acceptLanguage: request.headers['accept-language'],
        sentIn: row?.lang,
      });
    const message = (
      reply: FastifyReply,
      status: number,
      kind: MessageKind,
      lang: CustomerLanguage,
      date?: string,
    ) => page(reply, status, messagePage(kind, lang, activeBrand(), date));

    scope.setErrorHandler((error: { statusCode?: number }, request, reply) => {
      const status = error.statusCode ?? 500;
      const lang = fromAcceptLanguage(request.headers['accept-language']) ?? 'en';
      if (status >= 500) request.log.error({ err: error }, 'survey page failed');
      if (status === 429) return message(reply, 429, 'rateLimited', lang);
      return message(reply, status >= 500 ? 500 : 400, status >= 500 ? 'error' : 'invalid', lang);
    });

    /** The brand of the pack in force (pages about no survey in particular). */
    const activeBrand = (): PageBrand => ({
      brand: deps.packs.active.brand,
      version: deps.packs.active.version,
    });
    const brandOf = async (version: number): Promise<PageBrand> => ({
      brand: (await deps.packs.version(version))?.brand,
      version,
    });

    scope.get<{ Params: { file: string } }>('/s/assets/brand/:file', async (request, reply) => {
      const version = /^([1-9][0-9]{0,8})\.css$/.exec(request.params.file)?.[1];
      const { brand } = version ? await brandOf(Number(version)) : { brand: undefined };
      if (!brand) return reply.code(404).type('text/css; charset=utf-8').send('');
      // A pack version never changes: its colours can be kept.
      return reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(brandCss(brand));
    });

    scope.get(SURVEY_CSS_PATH, (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(SURVEY_CSS),
    );

    // Every visitor gets the same script: it adds a hidden field only where the browser holds a
    // staff session of this origin (the web sidebar's), and changes nothing anyone sees.
    scope.get(SURVEY_SCRIPT_PATH, (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(SURVEY_SCRIPT),
    );

    /** The survey behind a token, or the page that says why it cannot be answered. */
    const open = async (
      request: FastifyRequest<{ Params: Params; Querystring: Query }>,
      reply: FastifyReply,
    ): Promise<
      { row: SurveySendRow; survey: Survey; lang: CustomerLanguage; brand: PageBrand } | undefined
    > => {
      const { token } = request.params;
      const row = await sendRowOfToken(deps.db, token);
      const lang = langOf(request, row);
      if (!row) {
        request.log.info({ token: token.slice(0, 6) }, 'survey page: unknown token');
        void message(reply, 404, 'invalid', lang);
        return;
      }
      if (row.state === 'skipped') {
        void message(reply, 410, 'withdrawn', lang);
        return;
      }
      if (await answered(deps.db, row.call_id)) {
        void message(reply, 409, 'used', lang);
        return;
      }
      if (!row.expires_at || new Date(row.expires_at).getTime() < Date.now()) {
        void message(
          reply,
          410,
          'expired',
          lang,
          row.expires_at ? customerDate(row.expires_at, lang) : undefined,
        );
        return;
      }
      const pack = await deps.packs.version(row.pack_version);
      const survey = pack?.surveys.find((s) => s.id === row.survey_id);
      if (!survey) {
        void message(reply, 410, 'withdrawn', lang);
        return;
      }
      return { row, survey, lang, brand: { brand: pack?.brand, version: row.pack_version } };
    };

    const languages = (survey: Survey, token: string) =>
      CUSTOMER_LANGUAGES.filter((l) => survey.name[l] !== undefined).map((l) => ({
        lang: l,
        href: `/s/${token}?lang=${encodeURIComponent(l)}`,
      }));

    /**
     * Per address: page views across all links (what a token guesser needs many of), and
     * answers per link (a customer retrying their own form is not blocked by their neighbours
     * behind the same NAT address).
     */
    const rateLimit = (max: number, perLink: boolean) => ({
      rateLimit: {
        max,
        windowSeconds: 60,
        key: (request: FastifyRequest) =>
          perLink ? `${request.ip}|${(request.params as Partial<Params>).token ?? ''}` : request.ip,
      },
    });

    scope.get<{ Params: Params; Querystring: Query }>(
      '/s/:token',
      { config: rateLimit(60, false) },
      async (request, reply) => {
        const found = await open(request, reply);
        if (!found) return reply;
        const { survey, lang, brand } = found;
        return page(
          reply,
          200,
          surveyFormPage({
            survey,
            brand,
            lang,
            action: `/s/${request.params.token}`,
            languages: languages(survey, request.params.token),
          }),
        );
      },
    );

    scope.post<{ Params: Params; Querystring: Query; Body: unknown }>(
      '/s/:token',
      { config: rateLimit(10, true) },
      async (request, reply) => {
        const body = request.body;
        const form: FormValues = {};
        if (body && typeof body === 'object')
          for (const [k, v] of Object.entries(body as Record<string, unknown>))
            if (typeof v === 'string') form[k] = v;
        // Never kept or shown again: only resolved to tell whether staff is answering.
        const staffToken = form[STAFF_SESSION_FIELD];
        delete form[STAFF_SESSION_FIELD];
        request.query.lang ??= form.lang;
        const found = await open(request, reply);
        if (!found) return reply;
        const { row, survey, lang, brand } = found;
        const { answers, errors } = checkAnswers(survey, form);
        const t = customerT(lang);
        if (Object.keys(errors).length > 0) {
          return page(
            reply,
            400,
            surveyFormPage({
              survey,
              brand,
              lang,
              action: `/s/${request.params.token}`,
              languages: languages(survey, request.params.token),
              values: form,
              errors: Object.fromEntries(
                Object.entries(errors).map(([id, e]) => [id, t(e.key, { count: e.max })]),
              ),
            }),
          );
        }
        // The same answer page whatever this finds: the customer is never refused or told.
        const selfAnswer = await selfAnswerOf(deps.db, {
          agentId: row.agent_id,
          ip: request.ip,
          staffToken,
        });
        try {
          const response = await inbox.submit(submitJob(row, survey, answers, lang, selfAnswer));
          log.info(
            { callId: row.call_id, csat: response.csat, alert: response.alert, selfAnswer },
            'survey answered',
          );
          onAnswered(row.agent_id);
        } catch (err) {
          if (err instanceof AlreadyAnswered) return message(reply, 409, 'used', lang);
          throw err;
        }
        return reply.redirect(
          `/s/${request.params.token}/thanks?lang=${encodeURIComponent(lang)}`,
          303,
        );
      },
    );

    scope.get<{ Params: Params; Querystring: Query }>(
      '/s/:token/thanks',
      { config: rateLimit(60, false) },
      async (request, reply) => {
        const row = await sendRowOfToken(deps.db, request.params.token);
        const lang = langOf(request, row);
        const pack =
          row && (await answered(deps.db, row.call_id))
            ? await deps.packs.version(row.pack_version)
            : undefined;
        const survey = pack?.surveys.find((s) => s.id === row?.survey_id);
        if (!row || !survey) return message(reply, 404, 'invalid', lang);
        return page(
          reply,
          200,
          thankYouPage(survey, lang, { brand: pack?.brand, version: row.pack_version }),
        );
      },
    );
  });
}
