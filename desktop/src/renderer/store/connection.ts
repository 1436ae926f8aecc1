import type { HubSocket } from '../lib/hub-api.js';

// The one socket to the hub, shared by the outbox, the inbox and the coaching views.
let socket: HubSocket | null = null;

export const currentSocket = (): HubSocket | null => socket;
export function setSocket(next: HubSocket | null): void {
  socket = next;
}
/** How long a request waits for the hub's acknowledgement. */
export const ACK_TIMEOUT_MS = 10_000;
