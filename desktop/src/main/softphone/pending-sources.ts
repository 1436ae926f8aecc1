import type { CallControl } from '@sidecoach/shared';
import type { CallSources } from './sources.js';

/**
 * The call sources as the IPC handlers see them while they start: the handlers are registered
 * before the window loads (its first call is for the settings), and softphone connections can
 * take seconds. A call control before then is refused with a reason; a baresip address changed
 * before then is applied once they are up.
 */
export interface PendingSources {
  control(action: CallControl): Promise<void>;
  useBaresip(address: string | null): void;
  /** The sources are up: later calls go to them. */
  started(sources: CallSources): Promise<void>;
}

export function pendingSources(startedWith: string | null): PendingSources {
  let sources: CallSources | null = null;
  let wanted = startedWith;
  return {
    control: (action) =>
      sources
        ? sources.control(action)
        : Promise.reject(new Error('the softphone connection is still starting: try again')),
    useBaresip(address) {
      wanted = address;
      if (sources) void sources.useBaresip(address);
    },
    async started(next) {
      sources = next;
      if (wanted !== startedWith) await next.useBaresip(wanted);
    },
  };
}
