// baresip adapter: one control connection to baresip's ctrl_tcp module (baresip accepts only
// one), call events mapped to Sidecoach's model, answer/hang up/hold through the same socket,
// and reconnection with capped exponential backoff when baresip is not there or restarts.
import { Socket } from 'node:net';
import type { CallEvent } from '@sidecoach/shared';
import {
  mapBaresipEvent,
  isBaresipEvent,
  isBaresipResponse,
  type BaresipResponse,
} from './baresip-events.js';
import { CallTracker } from './call-tracker.js';
import { encodeNetstring, NetstringDecoder } from './netstring.js';

export type AdapterStatus = 'connecting' | 'connected' | 'disconnected' | 'stopped';

export interface BaresipOptions {
  host?: string;
  port?: number;
  /** First retry delay; doubles up to maxBackoffMs, with jitter. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  commandTimeoutMs?: number;
  now?: () => Date;
}

type Listener<T> = (value: T) => void;

/** Delay before reconnect attempt `n` (0-based): doubling, capped, with up to 20% jitter. */
export function backoffDelay(
  attempt: number,
  min: number,
  max: number,
  random = Math.random,
): number {
  const base = Math.min(max, min * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.8 + 0.2 * random()));
}

/** The number in baresip's `listcalls` answer ("--- Active calls (N) ---"), or null. */
export function activeCallCount(listing: string | undefined): number | null {
  const match = /Active calls \((\d+)\)/.exec(listing ?? '');
  return match?.[1] === undefined ? null : Number(match[1]);
}

export class BaresipAdapter {
  private socket: Socket | null = null;
  private readonly decoder = new NetstringDecoder();
  private readonly tracker = new CallTracker();
  private readonly pending = new Map<
    string,
    { resolve: Listener<BaresipResponse>; reject: Listener<Error>; timer: NodeJS.Timeout }
  >();
  private readonly eventListeners = new Set<Listener<CallEvent>>();
  private readonly statusListeners = new Set<Listener<AdapterStatus>>();
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private nextToken = 1;
  private stopped = true;
  status: AdapterStatus = 'disconnected';
  private readonly options: Required<BaresipOptions>;

  constructor(options: BaresipOptions = {}) {
    this.options = {
      host: '127.0.0.1',
      port: 4444,
      minBackoffMs: 250,
      maxBackoffMs: 10_000,
      commandTimeoutMs: 5_000,
      now: () => new Date(),
      ...options,
    };
  }

  onEvent(listener: Listener<CallEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: Listener<AdapterStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      });
    }
    this.setStatus('stopped');
  }

  /** Answers the ringing call. */
  answer(): Promise<BaresipResponse> {
    return this.command('accept');
  }

  hangup(): Promise<BaresipResponse> {
    return this.command('hangup');
  }

  dial(uri: string): Promise<BaresipResponse> {
    return this.command('dial', uri);
  }

  /** baresip 1.0 raises no event for hold/resume, so the adapter reports them on success. */
  async hold(): Promise<BaresipResponse> {
    return this.holdOrResume('hold', 'held');
  }

  async resume(): Promise<BaresipResponse> {
    return this.holdOrResume('resume', 'resumed');
  }

  private async holdOrResume(command: 'hold' | 'resume', kind: 'held' | 'resumed') {
    const response = await this.command(command);
    const live = this.tracker.live().find((c) => c.kind !== 'ringing');
    if (response.ok && live) {
      this.emitEvent({
        kind,
        callId: live.callId,
        direction: live.direction,
        remoteParty: live.remoteParty,
        at: this.options.now().toISOString(),
        source: 'baresip',
      });
    }
    return response;
  }

  /** Sends a ctrl_tcp command and resolves with baresip's response (which may say ok: false). */
  command(command: string, params?: string): Promise<BaresipResponse> {
    const socket = this.socket;
    if (!socket || this.status !== 'connected')
      return Promise.reject(new Error('baresip is not connected'));
    const token = `sc${this.nextToken++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new Error(`baresip did not answer "${command}" in time`));
      }, this.options.commandTimeoutMs);
      this.pending.set(token, { resolve, reject, timer });
      socket.write(encodeNetstring(JSON.stringify({ command, params: params ?? '', token })));
    });
  }

  private connect() {
    if (this.stopped) return;
    this.setStatus('connecting');
    const socket = new Socket();
    this.socket = socket;
    this.decoder.reset();
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.attempt = 0;
      this.setStatus('connected');
      void this.resync();
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => {
      /* 'close' follows and schedules the retry */
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      for (const [token, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error('baresip connection closed'));
        this.pending.delete(token);
      }
      if (this.stopped) return;
      this.setStatus('disconnected');
      const delay = backoffDelay(
        this.attempt++,
        this.options.minBackoffMs,
        this.options.maxBackoffMs,
      );
      this.retryTimer = setTimeout(() => this.connect(), delay);
    });
    socket.connect(this.options.port, this.options.host);
  }

  /**
   * After a (re)connection: calls this adapter still thinks are live but baresip no longer lists
   * (it restarted, or they ended while we were away) are reported ended, so the sidebar does
   * not stay on a call that is over. Calls that started while we were away carry no id in
   * baresip's list; their next event brings one.
   */
  private async resync() {
    const live = this.tracker.live();
    if (live.length === 0) return;
    let response: BaresipResponse;
    try {
      response = await this.command('listcalls');
    } catch {
      return; // disconnected again: the next connection tries again
    }
    if (!response.ok || activeCallCount(response.data) !== 0) return;
    for (const call of live) {
      this.emitEvent({
        kind: 'ended',
        callId: call.callId,
        direction: call.direction,
        remoteParty: call.remoteParty,
        at: this.options.now().toISOString(),
        source: 'baresip',
        reason: 'not active in baresip after reconnecting',
      });
    }
  }

  private receive(chunk: Buffer) {
    let frames: string[];
    try {
      frames = this.decoder.push(chunk);
    } catch {
      // A broken stream cannot be resynchronised: start a fresh connection.
      this.socket?.destroy();
      return;
    }
    for (const frame of frames) {
      let message: unknown;
      try {
        message = JSON.parse(frame);
      } catch {
        continue;
      }
      if (isBaresipResponse(message)) {
        const waiting = message.token ? this.pending.get(message.token) : undefined;
        if (waiting && message.token) {
          clearTimeout(waiting.timer);
          this.pending.delete(message.token);
          waiting.resolve(message);
        }
      } else if (isBaresipEvent(message)) {
        const event = mapBaresipEvent(message, this.options.now());
        if (event) this.emitEvent(event);
      }
    }
  }

  private emitEvent(event: CallEvent) {
    if (!this.tracker.accept(event)) return;
    for (const listener of this.eventListeners) listener(event);
  }

  private setStatus(status: AdapterStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
