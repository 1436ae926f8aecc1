import type { CallControl } from '@sidecoach/shared';
import type { CallSources } from './sources.js';

/**
 * The call sources as the IPC handlers see them while they start: the handlers are registered
 * before the window loads (its first call is for the settings), and softphone connections can
 * take seconds. A call control before then is refused with a reason; a baresip address changed
 * before then is applied once they are up. Sources that could not start (the command-hook
 * endpoint's file not writable, say) leave the sidebar running: a call control then says why.
 */
export interface PendingSources {
  control(action: CallControl): Promise<void>;
  useBaresip(address: string | null): void;
  /** The sources are up: later calls go to them. */
  started(sources: CallSources): Promise<void>;
  /** They could not start: call controls are refused with the reason from now on. */
  failed(reason: unknown): void;
}

export function pendingSources(startedWith: string | null): PendingSources {
  let sources: CallSources | null = null;
  let failure: string | null = null;
  let wanted = startedWith;
  return {
    control: (action) =>
      sources
        ? sources.control(action)
        : Promise.reject(
            new Error(
              failure
                ? `softphone control is unavailable: ${failure}`
                : 'the softphone connection is still starting: try again',
            ),
          ),
    useBaresip(address) {
      wanted = address;
      if (sources) void sources.useBaresip(address);
    },
    async started(next) {
      sources = next;
      if (wanted !== startedWith) await next.useBaresip(wanted);
    },
    failed(reason) {
      failure = reason instanceof Error ? reason.message : String(reason);
    },
  };
}

/**
 * Starts the call sources after the window, never failing the app over them: an optional
 * feature that cannot start is logged and said at the next call control, and the sidebar
 * (checklist, notes, surveys) keeps running. Resolves with the sources, or null.
 */
export async function startSourcesInBackground(
  start: () => Promise<CallSources>,
  pending: PendingSources,
  log: (message: string) => void,
): Promise<CallSources | null> {
  try {
    const sources = await start();
    await pending.started(sources);
    return sources;
  } catch (err) {
    pending.failed(err);
    log(
      `softphone connections did not start (${err instanceof Error ? err.message : String(err)}); the sidebar runs without them`,
    );
    return null;
  }
}
