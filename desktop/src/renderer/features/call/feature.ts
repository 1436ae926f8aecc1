import type { CallRecord } from '@sidecoach/shared';
import type { Feature, OutboxRoutes } from '../../hub/feature.js';
import type { OutboxEntry } from '../../lib/outbox.js';
import { bridge } from '../../lib/bridge.js';
import { handleHotkey } from './hotkeys.js';
import { handleCallEvent } from './softphone.js';
import { useCalls } from './store.js';
import type { CallEvent } from './replay.js';

const route = {
  queued: (entry: OutboxEntry<CallEvent>) => useCalls.getState().queued(entry),
  settled: (entry: OutboxEntry<CallEvent>, record: CallRecord | null) =>
    useCalls.getState().acknowledged(entry.seq, record),
};

/** The agent's calls: the phone and hotkeys drive them, the outbox sends them. */
export const callFeature = {
  name: 'call',
  reset: () => useCalls.getState().reset(),
  restore(snapshot, pending) {
    if (snapshot)
      useCalls
        .getState()
        .loaded(snapshot.pack, [...snapshot.recentCalls], pending, snapshot.callPacks ?? []);
  },
  bootstrapped(boot, pending) {
    const calls =
      boot.openCall && !boot.recentCalls.some((c) => c.id === boot.openCall?.id)
        ? [boot.openCall, ...boot.recentCalls]
        : boot.recentCalls;
    useCalls.getState().loaded(boot.pack, calls, pending, boot.callPacks);
  },
  listen(socket, session) {
    socket.on('call:changed', (record) => {
      // Observers get the calls of the agents they observe on the same event (observe feature).
      if (record.agentId === session.user.id) useCalls.getState().serverChanged(record);
    });
    socket.on('softphone:event', (event) => handleCallEvent(event));
  },
  subscribe() {
    // Softphones on this machine (desktop only) drive calls like the phone system does.
    const offs = [
      bridge.onCallEvent?.((event) => handleCallEvent(event)),
      bridge.onHotkey?.((action) => handleHotkey(action)),
    ];
    return () => offs.forEach((off) => off?.());
  },
} satisfies Feature;

export const callOutbox = {
  'call:start': route,
  'call:tick': route,
  'call:end': route,
  'call:retype': route,
  'assessment:submit': route,
} satisfies Pick<OutboxRoutes, CallEvent>;
