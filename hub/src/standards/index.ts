import type { HubContext } from '../lib/context.js';
import { SHARED_REFRESH_MS } from '../lib/health.js';
import { scorecardHandlers } from './handlers.js';

/**
 * The scorecard builder, and the active pack kept the same on every node: after a publish this
 * node reads the pack again and tells the others (a hint over the adapter); each node also looks
 * at the database every second, so a lost hint delays the change, never loses it. Each node then
 * tells its own sidebars, which fetch the pack again (new calls are checked against it).
 */
export function startScorecards(ctx: HubContext, { shared }: { shared: boolean }) {
  const { io, standards, log } = ctx;
  const announce = async () => {
    if (!(await standards.reload())) return;
    const { pack, revision } = standards.newest;
    io.local.emit('scorecard:changed', { packId: pack.id, version: pack.version, revision });
  };
  const quietly = () =>
    void announce().catch((err: unknown) => log.warn({ err }, 'standards pack not re-read'));
  let timer: ReturnType<typeof setInterval> | undefined;
  if (shared) {
    io.on('scorecard:published', quietly);
    timer = setInterval(quietly, SHARED_REFRESH_MS);
    timer.unref();
  }
  const published = async (packId: string) => {
    await announce();
    if (shared) io.serverSideEmit('scorecard:published', packId);
  };
  return {
    handlers: scorecardHandlers(ctx, published),
    stop: () => clearInterval(timer),
  };
}
