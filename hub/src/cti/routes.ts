import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CallEventSchema,
  CustomerContactSchema,
  QueueEventsRequestSchema,
  type CallEvent,
} from '@sidecoach/shared';
import { userRoom, type HubContext } from '../lib/context.js';
import { sendError } from '../lib/http-errors.js';
import { openCallOf } from '../lib/call-records.js';
import { announceCall, endCall } from '../lib/call-changes.js';
import type { SecretStore } from '../lib/secrets.js';
import { acceptCtiEvent, agentByExtension, eventKey, keepRecording } from './records.js';
import { startEventKeySweep } from './jobs.js';
import { acceptQueueEvents } from './queue-records.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignedRequest } from '../lib/signature.js';

export const CtiRequestSchema = z.strictObject({
  /** The agent's extension as the PBX knows it. */
  extension: z.string().min(1).max(32),
  /**
   * The PBX's own id for this event, when it has one: the hub accepts each id once. Without
   * it, the event's extension, call id, kind and time make it the same event.
   */
  eventId: z.string().min(1).max(128).optional(),
  event: CallEventSchema.extend({
    source: z.literal('cti').default('cti'),
    /** Attached data: how to reach the customer for the post-call survey (kept by the hub). */
    customer: CustomerContactSchema.optional(),
    /** The PBX's recording of the call (http or https), kept for the QA evaluator's link. */
    recordingUrl: z
      .url({ protocol: /^https?$/, error: 'recordingUrl must be an http or https URL' })
      .max(2048)
      .optional(),
  }),
});

/**
 * A batch of 500 queue events of the largest kind (every field at its longest) is about 400 KB;
 * the hub's other bodies stay within MAX_MESSAGE_BYTES.
 */
export const QUEUE_EVENTS_BODY_LIMIT = 512 * 1024;

/** The CTI webhook's secret (SIDECOACH_CTI_SECRET or `cti-secret` in the data directory). */
export const ctiSecret = (secrets: SecretStore, fromEnv: string | undefined) =>
  secrets.get(fromEnv, { envVar: 'SIDECOACH_CTI_SECRET', file: 'cti-secret' });

/**
 * The PBX/ACD webhook: HMAC-signed call events keyed by extension, stored, then relayed to the
 * agent's sidebars as `softphone:event`. The body is verified as the exact bytes received.
 * Each event is accepted once: a replay within the signature's window, or the PBX retrying
 * after a lost answer, gets 200 `{duplicate: true}` and is neither stored nor relayed again.
 * Expired event keys are swept while the app runs (stopped with it).
 */
export function registerCtiRoutes(app: FastifyInstance, ctx: HubContext, secret: string) {
  const sweep = startEventKeySweep(ctx.db, ctx.log);
  app.addHook('onClose', () => sweep.stop());
  /**
   * The PBX's hang-up ends the call in the hub too, so a closed sidebar cannot leave it open
   * (nor skip its survey); the sidebar's own end, arriving later, changes nothing.
   */
  const endOnHangUp = async (agentId: string, event: CallEvent) => {
    if (event.kind !== 'ended') return;
    const open = await openCallOf(ctx.db, agentId);
    if (open?.externalId !== event.callId) return;
    const { call, ended } = await endCall(ctx, open, new Date(event.at));
    if (!ended) return;
    ctx.log.info({ callId: call.id, durationMs: call.durationMs }, 'call ended by the PBX');
    await announceCall(ctx, call);
  };
  /** The verified body as JSON; undefined when the answer (401, 400) was sent instead. */
  const signedJson = (request: FastifyRequest, reply: FastifyReply): unknown => {
    const body = typeof request.body === 'string' ? request.body : '';
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const check = verifySignedRequest(
      secret,
      header(TIMESTAMP_HEADER),
      header(SIGNATURE_HEADER),
      body,
    );
    if (!check.ok) {
      void sendError(reply, 'unauthorized', check.reason);
      return undefined;
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      void sendError(reply, 'bad_request', 'body is not JSON');
      return undefined;
    }
  };
  void app.register((scope, _opts, done) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, next) =>
      next(null, body),
    );
    scope.post('/api/cti/events', async (request, reply) => {
      const json = signedJson(request, reply);
      if (json === undefined) return reply;
      const parsed = CtiRequestSchema.safeParse(json);
      if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
      const { extension, eventId, event } = parsed.data;
      const agent = await agentByExtension(ctx.db, extension);
      if (!agent) return sendError(reply, 'not_found', `no agent with extension ${extension}`);
      // Idempotent, so also for a retry of an event whose first delivery stopped short of it.
      if (event.recordingUrl)
        await keepRecording(ctx.db, agent.id, event.callId, event.recordingUrl);
      // A success, not an error: a PBX retrying a delivered event must not see a failure (it
      // would retry again, or raise an alarm); the answer says that nothing was done twice.
      if (!(await acceptCtiEvent(ctx.db, agent.id, eventKey(extension, eventId, event), event))) {
        request.log.info(
          { extension, eventId, kind: event.kind, callId: event.callId },
          'cti event already accepted: not stored or relayed again',
        );
        // Ending the call is idempotent: a retry still ends it if the first try was stored but
        // the hub stopped before ending it (an already ended call changes nothing).
        await endOnHangUp(agent.id, event);
        return reply.code(200).send({ duplicate: true, delivered: 0 });
      }
      const room = userRoom(agent.id);
      // The customer's contact details and the recording stay in the hub: the sidebar gets the
      // call event only.
      const callEvent: CallEvent = { ...event };
      delete (callEvent as typeof event).customer;
      delete (callEvent as typeof event).recordingUrl;
      ctx.io.to(room).emit('softphone:event', callEvent);
      ctx.bus.emit('softphone:event', agent.id, callEvent);
      await endOnHangUp(agent.id, event);
      const delivered = (await ctx.io.in(room).fetchSockets()).length;
      request.log.info(
        { extension, kind: event.kind, callId: event.callId, delivered },
        'cti event relayed',
      );
      return reply.code(202).send({ delivered });
    });
    /**
     * Queue events (offered, answered, abandoned, transferred, wrap-up) for the KPIs, signed as
     * call events are, in batches: each event is answered on its own (accepted, duplicate, or
     * rejected with the reason), so a PBX retries only what failed; the legs they make are
     * stored before the answer.
     */
    scope.post(
      '/api/cti/queue-events',
      { bodyLimit: QUEUE_EVENTS_BODY_LIMIT },
      async (request, reply) => {
        const json = signedJson(request, reply);
        if (json === undefined) return reply;
        const parsed = QueueEventsRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
        const { results, accepted } = await ctx.inbox.submit(acceptQueueEvents(parsed.data.events));
        request.log.info(
          {
            events: results.length,
            accepted,
            rejected: results.filter((r) => r.status === 'rejected').length,
          },
          'queue events recorded',
        );
        return reply.code(200).send({ results });
      },
    );
    done();
  });
}
