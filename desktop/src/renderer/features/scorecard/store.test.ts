// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  StandardsPackSchema,
  type ScorecardInfo,
  type ScorecardPublished,
  type StandardsPack,
} from '@sidecoach/shared';
import type * as Client from '../../hub/client.js';
import { useSession, type Session } from '../../hub/session-store.js';

// The fake of the one hub client: each request is answered by the test's `hub` below.
const asked: Array<{ event: string; payload: unknown }> = [];
let hub: (event: string, payload: unknown) => unknown = () => ({ ok: false });
vi.mock('../../hub/client.js', async (original) => ({
  ...(await original<typeof Client>()),
  ask: vi.fn((event: string, payload: unknown) => {
    asked.push({ event, payload });
    return Promise.resolve(hub(event, payload));
  }),
}));

const store = await import('./store.js');
const { useScorecardView } = await import('./view.js');
const { setBonusCap } = await import('./edit.js');
const { useScorecard } = store;

const pack: StandardsPack = StandardsPackSchema.parse({
  id: 'test-pack',
  version: 2,
  name: { en: 'Test standards' },
  callTypes: [{ id: 'booking', name: { en: 'Booking' } }],
  areas: [{ id: 'process', items: [{ id: 'proc-greeting', text: { en: 'Greets' } }] }],
});
const infoAt = (version: number, revision: number, p = pack): ScorecardInfo => ({
  pack: { ...p, version },
  revision,
  history: [],
  editedInApp: true,
});
let active = infoAt(2, 1);

beforeEach(() => {
  asked.length = 0;
  sessionStorage.clear();
  active = infoAt(2, 1);
  hub = (event) => (event === 'scorecard:get' ? { ok: true, data: active } : { ok: false });
  useSession.setState({ session: { user: { id: 'u-1' } } as Session, connection: 'online' });
  useScorecard.getState().reset();
  useScorecardView.setState({ open: true });
});

/** As after a reload of the page: the store starts again, what the tab kept stays. */
const reloadPage = () => useScorecard.getState().reset();

describe('the scorecard builder’s store', () => {
  it('keeps the edit in progress across a reload of the page, with what it started from', async () => {
    await store.loadScorecard();
    store.edit((p) => setBonusCap(p, 5));
    store.setNote('a smaller cap');
    reloadPage();
    expect(useScorecard.getState().draft).toBeNull();
    active = infoAt(2, 1);
    await store.loadScorecard();
    const state = useScorecard.getState();
    expect(state.draft?.bonusCap).toBe(5);
    expect(state.note).toBe('a smaller cap');
    expect(state.basedOn).toEqual({ version: 2, revision: 1 });
    // Discarded: nothing is kept any more.
    store.discardEdit();
    reloadPage();
    await store.loadScorecard();
    expect(useScorecard.getState().draft).toBeNull();
  });

  it('keeps an edit from before a newer version, still based on the older one', async () => {
    await store.loadScorecard();
    store.edit((p) => setBonusCap(p, 5));
    reloadPage();
    active = infoAt(3, 1);
    await store.loadScorecard();
    expect(useScorecard.getState().basedOn).toEqual({ version: 2, revision: 1 });
    expect(useScorecard.getState().draft?.bonusCap).toBe(5);
  });

  it('publishes the edit as the schema reads it, based on where it started', async () => {
    await store.loadScorecard();
    store.edit((p) => setBonusCap(p, 5));
    const after = infoAt(3, 1, setBonusCap(pack, 5));
    hub = (event) =>
      event === 'scorecard:publish'
        ? { ok: true, data: { kind: 'version', info: after } satisfies ScorecardPublished }
        : { ok: true, data: after };
    await store.publish();
    expect(asked.at(-1)).toEqual({
      event: 'scorecard:publish',
      payload: { basedOn: { version: 2, revision: 1 }, pack: setBonusCap(pack, 5), note: '' },
    });
    const state = useScorecard.getState();
    expect(state.draft).toBeNull();
    expect(state.basedOn).toEqual({ version: 3, revision: 1 });
    expect(state.notice).toEqual({
      ok: true,
      message: { key: 'scorecard.publish.doneVersion', values: { version: 3 } },
    });
    expect(sessionStorage.length).toBe(0);
  });

  it('on a conflict keeps the edit beside the newest version, until reloaded', async () => {
    await store.loadScorecard();
    store.edit((p) => setBonusCap(p, 5));
    active = infoAt(2, 2);
    hub = (event) =>
      event === 'scorecard:publish'
        ? { ok: false, code: 'conflict', message: 'stale', error: { key: 'errors.conflict' } }
        : { ok: true, data: active };
    await store.publish();
    let state = useScorecard.getState();
    expect(state.conflict).toBe(true);
    expect(state.info?.revision).toBe(2);
    expect(state.draft?.bonusCap).toBe(5);
    expect(state.basedOn).toEqual({ version: 2, revision: 1 });
    await store.loadScorecard(true);
    state = useScorecard.getState();
    expect(state.conflict).toBe(false);
    expect(state.draft).toBeNull();
    expect(state.basedOn).toEqual({ version: 2, revision: 2 });
  });

  it('shows another manager’s version at once when nothing is edited, else says it is there', async () => {
    await store.loadScorecard();
    active = infoAt(2, 2);
    store.publishedElsewhere({ version: 2, revision: 2 });
    await vi.waitFor(() =>
      expect(useScorecard.getState().notice?.message.key).toBe('scorecard.newer.shown'),
    );
    expect(useScorecard.getState().info?.revision).toBe(2);
    expect(useScorecard.getState().newer).toBeNull();

    store.edit((p) => setBonusCap(p, 5));
    const gets = asked.filter((a) => a.event === 'scorecard:get').length;
    store.publishedElsewhere({ version: 3, revision: 1 });
    expect(useScorecard.getState().newer).toEqual({ version: 3, revision: 1 });
    expect(asked.filter((a) => a.event === 'scorecard:get').length).toBe(gets);
    // Its own publish announced back: not newer than what it shows.
    store.publishedElsewhere({ version: 2, revision: 2 });
    expect(useScorecard.getState().newer).toEqual({ version: 3, revision: 1 });
  });

  it('refuses a YAML file too large for one message before sending it', () => {
    store.chooseImport('huge.yaml', 'x'.repeat(store.YAML_MAX_BYTES + 1));
    expect(useScorecard.getState().importing).toMatchObject({
      fileName: 'huge.yaml',
      yaml: '',
      error: { key: 'scorecard.tooLarge' },
    });
  });
});
