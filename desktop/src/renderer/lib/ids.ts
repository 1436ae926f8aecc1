import { v7 } from 'uuid';

/** Client-generated record id (UUID v7: time-ordered), the idempotency key of every write. */
export const newId = (): string => v7();
export const nowIso = (): string => new Date().toISOString();
