// Side-by-side observation over the socket: the supervisors' floor, joining an agent (again
// after every reconnect), and the agent's ringing phone shown on that floor.
import { ask, type AskOptions } from '../../hub/client.js';
import { useSession } from '../../hub/session-store.js';
import { showNotice } from '../../ui/notice-store.js';
import { useNotes } from '../coach-notes/store.js';
import { useObserve } from './store.js';

export async function loadFloor(): Promise<void> {
  const sentAt = Date.now();
  const res = await ask('floor:list', {});
  if (!res.ok) {
    // No answer: the header says offline, and the next connection lists the floor again.
    if (res.code !== 'offline' && res.code !== 'timeout')
      useObserve.getState().floorRefused(res.error);
    return;
  }
  // The hub read its clock about halfway through the round trip.
  const skewMs = Date.parse(res.data.serverTime) - (sentAt + Date.now()) / 2;
  useObserve.getState().floorListed(res.data, skewMs);
}

async function join(): Promise<void> {
  const agentId = useObserve.getState().target;
  if (!agentId) return;
  // A refusal on a rejoin means the coach's rights changed (moved off the agent's team).
  const res = await ask(
    'observation:join',
    { agentId },
    { messages: { forbidden: 'observe.noLongerAllowed' } },
  );
  if (!res.ok) {
    // Not now (no answer, the hub's database away, too many requests): the next connection
    // joins again; only a real refusal ends the observation.
    if (['offline', 'timeout', 'unavailable', 'rate_limited'].includes(res.code)) return;
    useObserve.getState().stopObserving();
    showNotice(res.error);
    return;
  }
  useNotes.getState().addObservations(res.data.observations);
  useObserve.getState().joined(res.data);
}

export function observe(agentId: string): void {
  useObserve.getState().observe(agentId);
  void join();
}

/** Stops observing: the hub stops sending this agent's notes and calls. */
export async function stopObserving(options: AskOptions = {}): Promise<void> {
  const agentId = useObserve.getState().target;
  useObserve.getState().stopObserving();
  if (agentId) await ask('observation:leave', { agentId }, options);
}

/** Back to the floor, with its observers as they are now. */
export async function backToFloor(): Promise<void> {
  await stopObserving();
  await loadFloor();
}

/** A coach's connection (first or again): the floor, and the agent observed before the drop. */
export async function coachConnected(): Promise<void> {
  await Promise.all([loadFloor(), join()]);
}

const sendRinging = (ringing: boolean) => void ask('presence:ringing', { ringing });

/** An agent's connection: the floor hears of a phone already ringing. */
export function agentConnected(ringing: boolean): void {
  if (ringing) sendRinging(true);
}

/** The agent's phone started or stopped ringing: the floor hears of it. */
export function ringingChanged(ringing: boolean): void {
  if (useSession.getState().session?.user.role === 'agent') sendRinging(ringing);
}
