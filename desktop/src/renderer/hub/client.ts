// The one typed client of the hub: every feature asks through `ask`, which answers with the
// event's result type or a failure already mapped to a message (see errors.ts).
import { io } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type AckResponse,
  type ClientEventName,
  type ClientEventResults,
  type ClientPayload,
  type ErrorCode,
  type HandshakeAuth,
  type AuthMethods,
  type OneTimeCheckResponse,
  type OneTimeCredential,
  type PasswordProblem,
  type SignInResponse,
} from '@sidecoach/shared';
import { messageFor, type FailureCode, type Message, type MessageOverrides } from './errors.js';
import { useSession, type HubSocket } from './session-store.js';

/** How long a request waits for the hub's acknowledgement. */
export const ACK_TIMEOUT_MS = 10_000;
/** How long a goodbye request (stop observing) may hold up signing out. */
export const SIGN_OUT_TIMEOUT_MS = 1_000;

export type Answer<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: FailureCode;
      message: string;
      error: Message;
      /** A chosen password refused: the rules it breaks. */
      problems?: PasswordProblem[];
    };

export interface AskOptions {
  /** Keys this view shows for some failures instead of the general ones. */
  messages?: MessageOverrides;
  timeoutMs?: number;
}

const failure = (
  code: FailureCode,
  message: string,
  options: AskOptions,
  problems?: readonly string[],
  retryAfter?: number,
) =>
  ({
    ok: false,
    code,
    message,
    error: messageFor(code, message, options.messages, retryAfter),
    ...(problems ? { problems: problems as PasswordProblem[] } : {}),
  }) as const;

/** Sends an event on the session's socket and waits for its acknowledgement. */
export async function ask<E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
  options: AskOptions = {},
): Promise<Answer<ClientEventResults[E]>> {
  const socket = useSession.getState().socket;
  if (!socket?.connected) return failure('offline', '', options);
  // socket.io's `timeout()` typing expects an error-first ack, which ours are not.
  const emitter = socket.timeout(options.timeoutMs ?? ACK_TIMEOUT_MS) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<AckResponse<ClientEventResults[E]>>;
  };
  let res: AckResponse<ClientEventResults[E]>;
  try {
    res = await emitter.emitWithAck(event, payload);
  } catch {
    return failure('timeout', '', options);
  }
  if (res.ok) return res;
  const { code, message, problems, retryAfter } = res.error;
  return failure(code, message, options, problems, retryAfter);
}

/** `auth` is asked again before every (re)connection, so it carries the current inbox position. */
export function openSocket(hubUrl: string, auth: () => Omit<HandshakeAuth, 'protocol'>): HubSocket {
  return io(hubUrl, {
    auth: (cb) => cb({ ...auth(), protocol: PROTOCOL_VERSION }),
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}

/** A refusal from the hub over HTTP (with its code) or a network failure (code `network`). */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
    /** A chosen password refused: the rules it breaks. */
    readonly problems: PasswordProblem[] = [],
    /** `rate_limited`: how long the hub asked to wait (its Retry-After), when it said. */
    readonly retryAfterSeconds: number | null = null,
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

/** Posts to the hub and answers its JSON, or throws its refusal as a HubError. */
async function postJson<T>(hubUrl: string, path: string, body: unknown): Promise<T> {
  const res = await post(new URL(path, hubUrl).href, body);
  if (res.ok) return (await res.json()) as T;
  const refusal = (await res.json().catch(() => ({}))) as {
    error?: { code?: ErrorCode; message?: string; problems?: PasswordProblem[] };
  };
  const retryAfter = Number(res.headers.get('retry-after'));
  throw new HubError(
    refusal.error?.code ?? 'internal',
    refusal.error?.message ?? res.statusText,
    refusal.error?.problems,
    retryAfter > 0 ? retryAfter : null,
  );
}

export function signInRequest(
  hubUrl: string,
  username: string,
  password: string,
  device?: string,
): Promise<SignInResponse> {
  return postJson(hubUrl, '/api/auth/sign-in', { username, password, device });
}

/** Whether a one-time code (or reset link) is good, and whose it is: no session yet. */
export function oneTimeCheckRequest(
  hubUrl: string,
  credential: OneTimeCredential,
): Promise<OneTimeCheckResponse> {
  return postJson(hubUrl, '/api/auth/one-time', credential);
}

/** Sets the first password with a one-time code (or reset link) and signs in. */
export function firstPasswordRequest(
  hubUrl: string,
  credential: OneTimeCredential,
  password: string,
  device: string,
): Promise<SignInResponse> {
  return postJson(hubUrl, '/api/auth/first-password', { ...credential, password, device });
}

/** Single sign-on's last step: the hub's one-time code and this sidebar's PKCE verifier. */
export function ssoExchangeRequest(
  hubUrl: string,
  code: string,
  codeVerifier: string,
  device?: string,
): Promise<SignInResponse> {
  return postJson(hubUrl, '/api/auth/oidc/exchange', { code, codeVerifier, device });
}

/** How people sign in to the hub (passwords, single sign-on); null when it cannot be asked. */
export async function authMethodsRequest(hubUrl: string): Promise<AuthMethods | null> {
  try {
    const res = await fetch(new URL('/api/auth/methods', hubUrl).href);
    return res.ok ? ((await res.json()) as AuthMethods) : null;
  } catch {
    return null;
  }
}

/** Ends the session on the hub; false when the hub could not be told (offline, down). */
export async function signOutRequest(hubUrl: string, token: string): Promise<boolean> {
  const res = await post(new URL('/api/auth/sign-out', hubUrl).href, undefined, token).catch(
    () => null,
  );
  // 401: the hub no longer knows the session (expired, signed out elsewhere): nothing to end.
  return res !== null && (res.ok || res.status === 401);
}
