import type { HubContext } from '../lib/context.js';
import { Awards } from './awards.js';
import { recognitionHandlers } from './handlers.js';

/**
 * Recognition that rewards the standards met: badges awarded once from the records (after each
 * change of an agent's calls or customers' answers, and by a sweep every `sweepMs` for the weeks
 * and months that closed), shout-outs from leads and teammates, the team wall and the lead's
 * monthly summary. Every badge and shout-out reaches the agent through the inbox (kind
 * 'recognition'), stored with it in one transaction.
 */
export function startRecognition(ctx: HubContext, options: { sweepMs: number }) {
  const awards = new Awards(ctx);
  ctx.bus.on('call:changed', (call) => {
    if (call.endedAt !== null) awards.changed(call.agentId, { callStartedAt: call.startedAt });
  });
  ctx.bus.on('survey:answered', (agentId) => awards.changed(agentId, 'answered'));
  awards.start(options.sweepMs);
  return {
    handlers: recognitionHandlers(ctx),
    stop: () => awards.stop(),
  };
}
