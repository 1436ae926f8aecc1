// The command-hook call source: softphones that can run a command on call start and end
// (MicroSIP, Zoiper, Bria...) run `sidecoach call ...`, which posts here. Loopback only, and
// every request carries the per-install secret from the endpoint file.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { CallEvent } from '@sidecoach/shared';

export const COMMAND_ACTIONS = {
  start: 'ringing',
  answer: 'answered',
  hold: 'held',
  resume: 'resumed',
  end: 'ended',
} as const;
export type CommandAction = keyof typeof COMMAND_ACTIONS;

export const CommandRequestSchema = z.strictObject({
  action: z.enum(Object.keys(COMMAND_ACTIONS) as [CommandAction, ...CommandAction[]]),
  id: z.string().trim().min(1).max(128),
  from: z.string().trim().max(256).optional(),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
});
export type CommandRequest = z.input<typeof CommandRequestSchema>;
/** A request as the schema gives it back (trimmed, with the default direction). */
export type ParsedCommandRequest = z.output<typeof CommandRequestSchema>;

const MAX_BODY = 4096;

/** The event a command stands for, stamped with the time it arrived. */
export function commandToEvent(request: ParsedCommandRequest, at: Date): CallEvent {
  return {
    kind: COMMAND_ACTIONS[request.action],
    callId: request.id,
    direction: request.direction,
    remoteParty: request.from || null,
    at: at.toISOString(),
    source: 'command',
  };
}

function secretMatches(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function reply(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    // Read to the end even when too large, so the answer reaches the client.
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export interface CommandEndpoint {
  port: number;
  close(): Promise<void>;
}

export async function startCommandEndpoint(options: {
  secret: string;
  onEvent: (event: CallEvent) => void;
  port?: number;
  now?: () => Date;
}): Promise<CommandEndpoint> {
  const now = options.now ?? (() => new Date());
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/call-event')
        return reply(res, 404, { error: 'not found' });
      if (!secretMatches(req.headers.authorization, options.secret)) {
        return reply(res, 401, {
          error: 'wrong secret: the endpoint file belongs to another Sidecoach install',
        });
      }
      const body = await readBody(req);
      if (body === null) return reply(res, 413, { error: 'request too large' });
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return reply(res, 400, { error: 'body is not JSON' });
      }
      const parsed = CommandRequestSchema.safeParse(json);
      if (!parsed.success) return reply(res, 400, { error: z.prettifyError(parsed.error) });
      options.onEvent(commandToEvent(parsed.data, now()));
      reply(res, 200, { ok: true });
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
