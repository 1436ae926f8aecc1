import { io, type Socket } from 'socket.io-client';
import type {
  AckResponse,
  ClientEventName,
  ClientEventResults,
  ClientPayload,
  ClientToServerEvents,
  ErrorCode,
  HandshakeAuth,
  ServerToClientEvents,
  SignInResponse,
} from '@sidecoach/shared';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A refusal from the hub (with its code) or a network failure (code `network`). */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
  }
}

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new HubError('network', url);
  }
}

export async function signIn(
  hubUrl: string,
  username: string,
  password: string,
): Promise<SignInResponse> {
  const res = await post(new URL('/api/auth/sign-in', hubUrl).href, { username, password });
  if (res.ok) return (await res.json()) as SignInResponse;
  const body = (await res.json().catch(() => ({}))) as {
    error?: { code?: ErrorCode; message?: string };
  };
  throw new HubError(body.error?.code ?? 'internal', body.error?.message ?? res.statusText);
}

export async function signOut(hubUrl: string, token: string): Promise<void> {
  await post(new URL('/api/auth/sign-out', hubUrl).href, undefined, token).catch(() => undefined);
}

/** `auth` is asked again before every (re)connection, so it carries the current inbox position. */
export function openSocket(hubUrl: string, auth: () => HandshakeAuth): HubSocket {
  return io(hubUrl, {
    auth: (cb) => cb(auth()),
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}

/**
 * Sends an event and waits for its acknowledgement; rejects when none comes in time.
 * (socket.io's `timeout()` typing expects an error-first ack, which our acks are not.)
 */
export function request<E extends ClientEventName>(
  socket: HubSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number,
): Promise<AckResponse<ClientEventResults[E]>> {
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<AckResponse<ClientEventResults[E]>>;
  };
  return emitter.emitWithAck(event, payload);
}
