import { z } from 'zod';

// What every topic's schemas are built from.

/** Client-generated record ids (UUID v7 recommended): the idempotency key of every write. */
export const RecordIdSchema = z.uuid();
export const IsoTimeSchema = z.iso.datetime({ offset: true });

/** The payload of an event that takes none. */
export const EmptySchema = z.strictObject({});
