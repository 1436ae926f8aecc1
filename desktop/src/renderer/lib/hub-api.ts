import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ErrorCode,
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

export function openSocket(hubUrl: string, token: string): HubSocket {
  return io(hubUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}
