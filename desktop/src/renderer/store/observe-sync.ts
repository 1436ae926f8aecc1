// Side-by-side observation over the socket: the supervisors' floor, joining an agent (again
// after every reconnect), and the agent's ringing phone shown on that floor.
import { request, type HubSocket } from '../lib/hub-api.js';
import { ACK_TIMEOUT_MS, currentSocket } from './connection.js';
import { useNotes } from './notes-store.js';
import { useObserve } from './observe-store.js';
import { useSidebar } from './sidebar-store.js';

export async function loadFloor(s: HubSocket | null = currentSocket()): Promise<void> {
  if (!s?.connected) return;
  const sentAt = Date.now();
  const res = await request(s, 'floor:list', {}, ACK_TIMEOUT_MS).catch(() => null);
  if (!res?.ok) return;
  // The hub read its clock about halfway through the round trip.
  const skewMs = Date.parse(res.data.serverTime) - (sentAt + Date.now()) / 2;
  useObserve.getState().floorListed(res.data, skewMs);
}

async function join(s: HubSocket | null = currentSocket()): Promise<void> {
  const agentId = useObserve.getState().target;
  if (!agentId || !s?.connected) return;
  const res = await request(s, 'observation:join', { agentId }, ACK_TIMEOUT_MS).catch(() => null);
  if (!res) return; // no answer: the next connection joins again
  if (!res.ok) {
    useObserve.getState().stopObserving();
    useSidebar
      .getState()
      .showNotice({ key: `errors.${res.error.code}`, values: { message: res.error.message } });
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
export async function stopObserving(timeoutMs = ACK_TIMEOUT_MS): Promise<void> {
  const agentId = useObserve.getState().target;
  useObserve.getState().stopObserving();
  const s = currentSocket();
  if (!agentId || !s?.connected) return;
  await request(s, 'observation:leave', { agentId }, timeoutMs).catch(() => null);
}

/** Back to the floor, with its observers as they are now. */
export async function backToFloor(): Promise<void> {
  await stopObserving();
  await loadFloor();
}

/** A coach's connection (first or again): the floor, and the agent observed before the drop. */
export async function coachConnected(s: HubSocket): Promise<void> {
  await Promise.all([loadFloor(s), join(s)]);
}

function sendRinging(ringing: boolean, s: HubSocket | null = currentSocket()) {
  if (s?.connected)
    void request(s, 'presence:ringing', { ringing }, ACK_TIMEOUT_MS).catch(() => null);
}

/** An agent's connection: the floor hears of a phone already ringing. */
export function agentConnected(s: HubSocket): void {
  if (useSidebar.getState().incoming) sendRinging(true, s);
}

/** Tells the floor whenever the agent's phone starts or stops ringing. Returns the unsubscribe. */
export function followRinging(): () => void {
  return useSidebar.subscribe((state, prev) => {
    const ringing = state.incoming !== null;
    if (ringing !== (prev.incoming !== null) && state.session?.user.role === 'agent')
      sendRinging(ringing);
  });
}
