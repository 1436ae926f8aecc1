import { z } from 'zod';
import { UiLanguageSchema } from '../ipc/bridge.js';
import { RoleSchema, UserProfileSchema } from './auth.js';
import { IsoTimeSchema, RecordIdSchema } from './common.js';
import { isTimeZone, LOCAL_DATE_PATTERN, WORK_TIME_PATTERN } from '../domain/teams.js';

// Administration (quality managers / admins): people, teams and shifts, moves between teams,
// permissions beyond the four roles, the HR import and the audit log.

/** Rights beyond the role: scoring calls (QA) and deciding disputes. Coaches only. */
export const PermissionSchema = UserProfileSchema.shape.permissions.element;
export const PERMISSIONS = PermissionSchema.options;
export type Permission = z.infer<typeof PermissionSchema>;

const IdSchema = z.string().min(1).max(100);
export const UsernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only');
export const DisplayNameSchema = z.string().trim().min(1).max(120);
export const ExtensionSchema = z
  .string()
  .trim()
  .regex(/^[0-9*#]{1,16}$/, 'digits (and * #), at most 16');
export const TeamNameSchema = z.string().trim().min(1).max(80);
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Riga)');
export const LocalDateSchema = z.string().regex(LOCAL_DATE_PATTERN, 'a date as YYYY-MM-DD');
export const WorkTimeSchema = z.string().regex(WORK_TIME_PATTERN, 'a time as HH:MM');

// ---- records the hub sends ----

export const AdminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  extension: z.string().nullable(),
  /** The admin's default UI language for the user (null: the device's). */
  defaultLang: UiLanguageSchema.nullable(),
  /** The user's own choice (wins over the default). */
  lang: UiLanguageSchema.nullable(),
  teamIds: z.array(z.string()),
  permissions: z.array(PermissionSchema),
  disabled: z.boolean(),
  createdAt: IsoTimeSchema,
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

/** A shift's working hours: from start to end (end before start: overnight), on ISO weekdays. */
export const WorkHoursSchema = z.strictObject({
  start: WorkTimeSchema,
  end: WorkTimeSchema,
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  days: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .refine((d) => new Set(d).size === d.length, 'each day once'),
});
export type WorkHours = z.infer<typeof WorkHoursSchema>;

export const AdminTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA time zone of the team (dates of moves, later mystery-call and KPI periods). */
  timeZone: z.string(),
  /** A shift has working hours; a team without them is just a team. */
  hours: WorkHoursSchema.nullable(),
  /** Supervisors and leads of the team (members with a coach role). */
  coachIds: z.array(z.string()),
  agentIds: z.array(z.string()),
  createdAt: IsoTimeSchema,
});
export type AdminTeam = z.infer<typeof AdminTeamSchema>;

export const TeamMoveSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  fromTeamId: z.string().nullable(),
  toTeamId: z.string(),
  /** The day it takes effect, in the destination team's time zone. */
  effectiveDate: z.string(),
  /** The instant that day starts there. */
  effectiveAt: IsoTimeSchema,
  createdBy: z.string().nullable(),
  createdAt: IsoTimeSchema,
  appliedAt: IsoTimeSchema.nullable(),
  cancelledAt: IsoTimeSchema.nullable(),
});
export type TeamMove = z.infer<typeof TeamMoveSchema>;

export const AuditRecordSchema = z.object({
  id: z.string(),
  at: IsoTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const IMPORT_OUTCOMES = ['create', 'change', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const ImportRowSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** What changes (field names), for `change`. */
  changes: z.array(z.string()),
  /** Why it is refused, for `refused`. */
  reasons: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;
export const ImportPreviewSchema = z.object({
  rows: z.array(ImportRowSchema),
  /** Teams the file names that do not exist yet: the apply creates them. */
  newTeams: z.array(z.string()),
  counts: z.record(z.enum(IMPORT_OUTCOMES), z.number().int()),
  /** Whether the apply would go through (no refused row). */
  applicable: z.boolean(),
  /** The apply's time, when this is its result. */
  appliedAt: IsoTimeSchema.nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

// ---- requests ----

export const UserSaveSchema = z.strictObject({
  /** Absent: a new user. */
  id: IdSchema.optional(),
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  extension: ExtensionSchema.nullable(),
  defaultLang: UiLanguageSchema.nullable(),
  teamIds: z.array(IdSchema).max(50),
  disabled: z.boolean().default(false),
});
export type UserSave = z.input<typeof UserSaveSchema>;

export const PermissionChangeSchema = z.strictObject({
  userId: IdSchema,
  permission: PermissionSchema,
  granted: z.boolean(),
});

export const TeamSaveSchema = z.strictObject({
  id: IdSchema.optional(),
  name: TeamNameSchema,
  timeZone: TimeZoneSchema,
  hours: WorkHoursSchema.nullable(),
  coachIds: z.array(IdSchema).max(200),
});
export type TeamSave = z.input<typeof TeamSaveSchema>;

export const TeamMoveRequestSchema = z.strictObject({
  agentId: IdSchema,
  teamId: IdSchema,
  /** Today or later in the destination team's time zone. */
  effectiveDate: LocalDateSchema,
});
export const TeamMovesRequestSchema = z.strictObject({ agentId: IdSchema.optional() });
export const TeamMoveCancelSchema = z.strictObject({ moveId: IdSchema });

/** Rows one import may have. */
export const IMPORT_MAX_ROWS = 5000;
/** Characters of one part of an uploaded file (at most 3 bytes each in UTF-8: under the frame limit). */
export const IMPORT_PART_CHARS = 16_000;
/** Parts of one file: about 4.8 million characters. */
export const IMPORT_MAX_PARTS = 300;
export const ImportPartSchema = z.strictObject({
  importId: RecordIdSchema,
  index: z
    .number()
    .int()
    .min(0)
    .max(IMPORT_MAX_PARTS - 1),
  total: z.number().int().min(1).max(IMPORT_MAX_PARTS),
  text: z.string().max(IMPORT_PART_CHARS),
});
export const ImportRequestSchema = z.strictObject({ importId: RecordIdSchema });

export const AUDIT_PAGE_MAX = 200;
export const AuditQuerySchema = z.strictObject({
  from: IsoTimeSchema.optional(),
  to: IsoTimeSchema.optional(),
  actorId: IdSchema.optional(),
  targetId: IdSchema.optional(),
  /** The `next` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;
export const AuditPageSchema = z.object({
  entries: z.array(AuditRecordSchema),
  next: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** The user's own UI language (null: back to the admin's default). */
export const AccountLanguageSchema = z.strictObject({ lang: UiLanguageSchema.nullable() });
