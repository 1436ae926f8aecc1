import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@sidecoach/shared';
import { connect, signIn, startHub, type RunningHub } from './support/hub-process.js';
import { data } from './support/calls.js';

/** Connects with the handshake an installed sidebar of some version sends; the refusal, if any. */
async function refusal(url: string, auth: Record<string, unknown>) {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false });
  try {
    return await new Promise<(Error & { data?: unknown }) | null>((resolve) => {
      socket.once('connect', () => resolve(null));
      socket.once('connect_error', resolve);
    });
  } finally {
    socket.close();
  }
}

describe('sidebars of another protocol version', () => {
  let hub: RunningHub;
  let token: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    token = (await signIn(hub.url, 'agent1')).token;
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('tells a sidebar older than the hub (or one that sends no version) to update', async () => {
    for (const auth of [{ token }, { token, protocol: PROTOCOL_VERSION - 1 }]) {
      const err = await refusal(hub.url, auth);
      expect(err?.message).toBe('outdated_client');
      expect(err?.data).toEqual({
        hubProtocol: PROTOCOL_VERSION,
        clientProtocol: auth.protocol ?? null,
        message: 'This sidebar is older than the hub: update Sidecoach.',
      });
    }
  });

  it('tells a sidebar newer than the hub that the hub needs the update', async () => {
    const err = await refusal(hub.url, { token, protocol: PROTOCOL_VERSION + 1 });
    expect(err?.message).toBe('outdated_client');
    expect(err?.data).toMatchObject({
      message: 'The hub is older than this sidebar: update the hub.',
    });
  });

  it('says "update" before it looks at the token, so an old sidebar is not sent to sign in', async () => {
    const err = await refusal(hub.url, { token: 'expired-long-ago' });
    expect(err?.message).toBe('outdated_client');
  });

  it('serves a sidebar of its own version as before', async () => {
    const socket = await connect(hub.url, token);
    try {
      const boot = data(await socket.emitWithAck('session:bootstrap', {}));
      expect(boot.user.username).toBe('agent1');
    } finally {
      socket.close();
    }
  });
});
