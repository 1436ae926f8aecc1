import {
  Migrator,
  sql,
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { usernameKey } from '@sidecoach/shared';
import { dialectOf } from './dialect.js';

// Migrations live in code (not files found at run time) so the built hub carries them.
// Only portable schema-builder calls: the same migrations must run on PostgreSQL later.
const migrations: Record<string, Migration> = {
  '0001-skeleton': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', USER_ROLES_0001)))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('team_members')
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('standards_packs')
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('loaded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('standards_packs_pk', ['pack_id', 'version'])
        .execute();
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_type', 'text', (c) => c.notNull())
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('pack_version', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('duration_ms', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('calls_agent_started')
        .on('calls')
        .columns(['agent_id', 'started_at'])
        .execute();
      await db.schema
        .createTable('call_ticks')
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('checked', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('call_ticks_pk', ['call_id', 'item_id'])
        .execute();
      await db.schema
        .createTable('self_assessments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('call_id', 'text', (c) => c.notNull().unique().references('calls.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('next_time', 'text')
        .addColumn('score', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002-cti': {
    async up(db: Kysely<unknown>) {
      // The agent's phone extension: how a PBX names the agent in its call events.
      await db.schema.alterTable('users').addColumn('extension', 'text').execute();
      await db.schema
        .createIndex('users_extension')
        .unique()
        .on('users')
        .column('extension')
        .execute();
      await db.schema
        .createTable('cti_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cti_events_user')
        .on('cti_events')
        .columns(['user_id', 'received_at'])
        .execute();
    },
  },
  '0003-call-external-id': {
    async up(db: Kysely<unknown>) {
      // A softphone's or PBX's own call id: its events find the call they belong to.
      await db.schema.alterTable('calls').addColumn('external_id', 'text').execute();
      await db.schema
        .createIndex('calls_agent_external')
        .on('calls')
        .columns(['agent_id', 'external_id'])
        .execute();
    },
  },
  '0004-observation': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('observations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_id', 'text', (c) => c.references('calls.id'))
        .addColumn('offset_ms', 'integer')
        .addColumn('item_id', 'text')
        .addColumn('area', 'text')
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) =>
          c.notNull().check(sqlIn('visibility', ['private', 'shared'])),
        )
        .addColumn('delivery', 'text', (c) =>
          c.notNull().check(sqlIn('delivery', ['now', 'after-call'])),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('released_at', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('observations_agent_at')
        .on('observations')
        .columns(['agent_id', 'at'])
        .execute();
      await db.schema
        .createIndex('observations_call')
        .on('observations')
        .columns(['call_id'])
        .execute();
      // Who is observing whom now: they receive every note about the agent, across restarts.
      await db.schema
        .createTable('observation_sessions')
        .addColumn('observer_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('observation_sessions_pk', ['observer_id', 'agent_id'])
        .execute();
      await db.schema
        .createIndex('observation_sessions_agent')
        .on('observation_sessions')
        .columns(['agent_id'])
        .execute();
      await db.schema
        .createTable('coaching_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_id', 'text', (c) => c.references('calls.id'))
        .addColumn('observation_ids', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('coaching_notes_agent_at')
        .on('coaching_notes')
        .columns(['agent_id', 'at'])
        .execute();
      // Every message a user must not miss, numbered per recipient (see inbox/inbox.ts).
      await db.schema
        .createTable('inbox')
        .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('inbox_pk', ['recipient_id', 'seq'])
        .addUniqueConstraint('inbox_ref', ['recipient_id', 'ref_id'])
        .execute();
      // How far each user has confirmed their inbox (delivered receipts start from here).
      await db.schema
        .createTable('inbox_acks')
        .addColumn('recipient_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '0005-note-language': {
    async up(db: Kysely<unknown>) {
      // The language a note is written in, so the language coach reads it in that language.
      await db.schema
        .alterTable('observations')
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('en'))
        .execute();
      await db.schema
        .alterTable('coaching_notes')
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('en'))
        .execute();
      await db.schema
        .createIndex('observations_author_at')
        .on('observations')
        .columns(['author_id', 'at'])
        .execute();
    },
  },
  '0006-surveys': {
    async up(db: Kysely<unknown>) {
      // Survey packs as the quality manager saved them (YAML kept verbatim for editing).
      await db.schema
        .createTable('survey_packs')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('yaml', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'text', (c) => c.references('users.id'))
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .execute();
      // The agent's "do not survey" flags: one per call, with a reason from the fixed list.
      await db.schema
        .createTable('survey_exclusions')
        .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // The hub's decision for every ended call, and the send outbox: a row is written when
      // the call ends and sent (with retries) from here, so neither a crash nor a failing
      // SMTP server or gateway can skip a survey.
      await db.schema
        .createTable('survey_sends')
        .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_type', 'text', (c) => c.notNull())
        .addColumn('pack_version', 'integer', (c) => c.notNull())
        .addColumn('survey_id', 'text')
        .addColumn('channel', 'text')
        .addColumn('address', 'text')
        .addColumn('address_key', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('skip_reason', 'text')
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('expires_at', 'text')
        .execute();
      await db.schema
        .createIndex('survey_sends_due')
        .on('survey_sends')
        .columns(['state', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('survey_sends_address')
        .on('survey_sends')
        .columns(['address_key', 'sent_at'])
        .execute();
      await db.schema
        .createIndex('survey_sends_agent')
        .on('survey_sends')
        .columns(['agent_id', 'decided_at'])
        .execute();
      await db.schema
        .createTable('survey_responses')
        .addColumn('call_id', 'text', (c) => c.primaryKey().references('survey_sends.call_id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('survey_id', 'text', (c) => c.notNull())
        .addColumn('call_type', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('csat', 'integer')
        .addColumn('resolved', 'integer')
        .addColumn('effort', 'integer')
        .addColumn('comment', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('survey_responses_agent')
        .on('survey_responses')
        .columns(['agent_id', 'submitted_at'])
        .execute();
      // The customer's contact is read from a call's CTI events at its end.
      await db.schema
        .createIndex('cti_events_user_call')
        .on('cti_events')
        .columns(['user_id', 'call_id'])
        .execute();
      // Team settings: whether agents see their own customers' responses.
      await db.schema
        .alterTable('teams')
        .addColumn('agents_see_surveys', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  '0007-reflection': {
    async up(db: Kysely<unknown>) {
      // What a supervisor saw of a standard item: met or missed (compared in reflective sessions).
      await db.schema
        .alterTable('observations')
        .addColumn('verdict', 'text', (c) => c.check(sqlIn('verdict', ['met', 'missed'])))
        .execute();
      // Team setting: coach on behaviours, not scores (agents of the team get no numbers).
      await db.schema
        .alterTable('teams')
        .addColumn('behaviours_only', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Recorded quality monitoring, imported from an external QA tool (idempotent on its id).
      await db.schema
        .createTable('qa_evaluations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_id', 'text', (c) => c.references('calls.id'))
        .addColumn('evaluator_name', 'text', (c) => c.notNull())
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('pack_version', 'integer', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('evaluated_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('qa_evaluations_agent_at')
        .on('qa_evaluations')
        .columns(['agent_id', 'evaluated_at'])
        .execute();
      // Session preparation reads one agent's period: every source by agent and time.
      await db.schema
        .createIndex('self_assessments_agent_at')
        .on('self_assessments')
        .columns(['agent_id', 'submitted_at'])
        .execute();
      await db.schema
        .createTable('reflection_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('lead_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('from', 'text', (c) => c.notNull())
        .addColumn('to', 'text', (c) => c.notNull())
        .addColumn('agenda', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['open', 'signed'])))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('signed_by_agent_at', 'text')
        .addColumn('signed_by_lead_at', 'text')
        .execute();
      await db.schema
        .createIndex('reflection_sessions_agent')
        .on('reflection_sessions')
        .columns(['agent_id', 'started_at'])
        .execute();
      await db.schema
        .createIndex('reflection_sessions_lead')
        .on('reflection_sessions')
        .columns(['lead_id', 'started_at'])
        .execute();
      await db.schema
        .createTable('reflection_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('reflection_sessions.id'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('prompt', 'text')
        .addColumn('agenda_index', 'integer')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reflection_notes_session')
        .on('reflection_notes')
        .columns(['session_id', 'at'])
        .execute();
      await db.schema
        .createTable('reflection_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('reflection_sessions.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text')
        .addColumn('owner', 'text', (c) => c.notNull().check(sqlIn('owner', ['agent', 'lead'])))
        .addColumn('due', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sqlIn('status', ['open', 'done', 'dropped'])),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('reviewed_in_session_id', 'text', (c) => c.references('reflection_sessions.id'))
        .execute();
      await db.schema
        .createIndex('reflection_actions_session')
        .on('reflection_actions')
        .columns(['session_id'])
        .execute();
      // Open actions per agent (sidebar reminders) and overdue ones (the lead's list).
      await db.schema
        .createIndex('reflection_actions_agent_open')
        .on('reflection_actions')
        .columns(['agent_id', 'status', 'due'])
        .execute();
    },
  },
  '0008-reflection-record': {
    async up(db: Kysely<unknown>) {
      // A signed session is a development record: both sides' views as they were signed (JSON).
      await db.schema.alterTable('reflection_sessions').addColumn('record', 'text').execute();
    },
  },
  '0009-cluster': {
    async up(db: Kysely<unknown>) {
      // Each recipient's last inbox number, a row to lock: with several hub nodes writing, the
      // next number is taken from here in the message's own transaction.
      await db.schema
        .createTable('inbox_heads')
        .addColumn('recipient_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into inbox_heads (recipient_id, seq)
        select recipient_id, max(seq) from inbox group by recipient_id`.execute(db);
      // The hub processes running now (a heartbeat each), and who is connected to which.
      await db.schema
        .createTable('hub_nodes')
        .addColumn('node_id', 'text', (c) => c.primaryKey())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('presence')
        .addColumn('socket_id', 'text', (c) => c.primaryKey())
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('connected_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('presence_user').on('presence').column('user_id').execute();
      await db.schema.createIndex('presence_node').on('presence').column('node_id').execute();
      // Agents whose phone rings now (reported through one node, shown on every node's floor).
      await db.schema
        .createTable('ringing')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('since', 'text', (c) => c.notNull())
        .execute();
      // Secrets every node must share when none is given in the environment.
      await db.schema
        .createTable('hub_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0010-adapter-attachments': {
    async up(db: Kysely<unknown>) {
      // socket.io's PostgreSQL adapter keeps packets over NOTIFY's limit here. Created with the
      // migrations (under their lock): two nodes starting together cannot both create it.
      if (dialectOf(db) !== 'postgres') return;
      await sql`create table if not exists socket_io_attachments (
        id bigserial unique, created_at timestamptz default now(), payload bytea)`.execute(db);
    },
  },
  '0011-audit': {
    async up(db: Kysely<unknown>) {
      // Every administrative change: who, what, when, before and after (JSON). Never updated
      // or deleted by the hub; admins read and export it.
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        /** The admin who made the change; null for the hub itself (a scheduled team move). */
        .addColumn('actor_id', 'text', (c) => c.references('users.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
      await db.schema
        .createIndex('audit_log_target')
        .on('audit_log')
        .columns(['target_type', 'target_id'])
        .execute();
    },
  },
  '0012-admin': {
    async up(db: Kysely<unknown>) {
      // Languages: the admin's default for a user, and the user's own choice (which wins).
      await db.schema.alterTable('users').addColumn('default_lang', 'text').execute();
      // (ui_lang, not lang: notes and surveys have a lang column users are joined with.)
      await db.schema.alterTable('users').addColumn('ui_lang', 'text').execute();
      // Teams become shifts when they have working hours; every team has a time zone. Existing
      // teams take the zone of the hub that migrates them (the admin can change it).
      await db.schema
        .alterTable('teams')
        .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
        .execute();
      await db.schema.alterTable('teams').addColumn('work_start', 'text').execute();
      await db.schema.alterTable('teams').addColumn('work_end', 'text').execute();
      await db.schema.alterTable('teams').addColumn('work_days', 'text').execute();
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
      await sql`update teams set time_zone = ${zone}`.execute(db);
      await db.schema
        .createTable('user_permissions')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('permission', 'text', (c) =>
          c.notNull().check(sqlIn('permission', ['evaluator', 'arbitrator'])),
        )
        .addColumn('granted_by', 'text', (c) => c.references('users.id'))
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_permissions_pk', ['user_id', 'permission'])
        .execute();
      await db.schema
        .createTable('team_moves')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('from_team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('to_team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('effective_date', 'text', (c) => c.notNull())
        .addColumn('effective_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text')
        .addColumn('cancelled_at', 'text')
        .execute();
      await db.schema
        .createIndex('team_moves_agent')
        .on('team_moves')
        .columns(['agent_id', 'effective_at'])
        .execute();
      // The sweep's question: pending moves whose day has started.
      await db.schema
        .createIndex('team_moves_due')
        .on('team_moves')
        .columns(['applied_at', 'cancelled_at', 'effective_at'])
        .execute();
      await db.schema
        .createIndex('audit_log_actor')
        .on('audit_log')
        .columns(['actor_id', 'at'])
        .execute();
    },
  },
  '0013-passwords-sessions': {
    async up(db: Kysely<unknown>) {
      // Signed-in devices: what each session's device called itself, its browser, where it
      // signed in from, and when it last connected (updated at most once a minute).
      await db.schema.alterTable('sessions').addColumn('device', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
      await sql`update sessions set last_seen_at = created_at`.execute(db);
      await db.schema
        .createIndex('sessions_user')
        .on('sessions')
        .columns(['user_id', 'revoked_at'])
        .execute();
      // One-time codes an admin issues (first sign-in, reset). Only hashes: the code's is a
      // password hash (it is short), the link token's a SHA-256 (it is long and random). A
      // user has at most one live code: issuing another ends the one before.
      await db.schema
        .createTable('one_time_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('issued_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        /** Used, replaced by a newer code, or too many wrong tries: never valid again. */
        .addColumn('ended_at', 'text')
        .addColumn('end_reason', 'text')
        .execute();
      await db.schema
        .createIndex('one_time_codes_user')
        .on('one_time_codes')
        .columns(['user_id', 'ended_at'])
        .execute();
    },
  },
  '0014-sso': {
    async up(db: Kysely<unknown>) {
      // Admins who sign in with a password even when passwords are off (create-admin
      // --break-glass): the way in when the identity provider is down.
      await db.schema
        .alterTable('users')
        .addColumn('break_glass', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // A person at the provider (issuer + subject, which never change) linked to a user at
      // the first sign-in; afterwards matched by this alone, never again by name or email.
      await db.schema
        .createTable('user_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('linked_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
        .execute();
      await db.schema
        .createIndex('user_identities_user')
        .on('user_identities')
        .columns(['user_id', 'issuer'])
        .unique()
        .execute();
      // Sign-ins sent to the provider and not back yet, in the database so the provider may
      // send the browser back to any node. Taken (deleted) when it comes back: single use.
      await db.schema
        .createTable('sso_logins')
        .addColumn('state', 'text', (c) => c.primaryKey())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('verifier', 'text', (c) => c.notNull())
        /** The desktop app's loopback redirect; null: the web sidebar on this hub. */
        .addColumn('client_redirect', 'text')
        .addColumn('client_state', 'text', (c) => c.notNull())
        .addColumn('client_challenge', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sso_logins_expiry')
        .on('sso_logins')
        .column('expires_at')
        .execute();
      // One-time codes handed to the sidebar for its session (never the token in a URL).
      await db.schema
        .createTable('sso_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('client_challenge', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('sso_codes_expiry')
        .on('sso_codes')
        .column('expires_at')
        .execute();
    },
  },
  '0015-survey-fallback': {
    async up(db: Kysely<unknown>) {
      // The channel a survey was meant for when the hub had no way to send it (no mail server,
      // no gateway) and showed it to the agent as a link instead; the lead's report says so.
      await db.schema.alterTable('survey_sends').addColumn('fallback_from', 'text').execute();
    },
  },
  '0016-coaching-replies': {
    async up(db: Kysely<unknown>) {
      // The agent's one reply to a coaching note (coaching as a conversation, not a broadcast).
      for (const column of ['reply_id', 'reply_text', 'reply_lang', 'replied_at'])
        await db.schema.alterTable('coaching_notes').addColumn(column, 'text').execute();
    },
  },
  '0017-survey-customer-lang': {
    async up(db: Kysely<unknown>) {
      // The customer's own language, when the call knew it (`lang` is the one the survey went
      // out in, the hub's default otherwise): the survey page prefers it, then the browser's.
      await db.schema.alterTable('survey_sends').addColumn('customer_lang', 'text').execute();
    },
  },
  '0018-cti-events-once': {
    async up(db: Kysely<unknown>) {
      // Each PBX event accepted once: a signed request re-sent within the signature's window
      // (a replay, or the PBX retrying after a lost answer) finds its key here and is neither
      // stored nor relayed again. The primary key is the uniqueness, so it holds across nodes
      // on one PostgreSQL database; rows older than the window are swept (cti/jobs.ts).
      await db.schema
        .createTable('cti_event_keys')
        /** SHA-256 of the PBX's event id, or of the event's own key (see cti/records.ts). */
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cti_event_keys_received')
        .on('cti_event_keys')
        .column('received_at')
        .execute();
    },
  },
  '0019-survey-self-answer': {
    async up(db: Kysely<unknown>) {
      // Why an answer looks like staff gave it (the agent's own address, a staff address, a
      // signed-in staff browser), null for a customer's. Only the reason: never the address.
      await db.schema.alterTable('survey_responses').addColumn('self_answer', 'text').execute();
      // The survey page compares the answering address with staff sign-ins of recent days.
      await db.schema
        .createIndex('sessions_ip')
        .on('sessions')
        .columns(['ip', 'last_seen_at'])
        .execute();
    },
  },
  '0020-observer-presence': {
    async up(db: Kysely<unknown>) {
      // Since when (the database's clock) an observer has had no socket on a live node: after
      // the grace (--observer-grace-seconds) the observation ends. Null while connected.
      await db.schema.alterTable('observation_sessions').addColumn('away_since', 'text').execute();
    },
  },
  '0021-username-key': {
    async up(db: Kysely<unknown>) {
      // The username as sign-in compares it (shared usernameKey: NFKC, trimmed, lower case), so
      // the account looked up and the rate limit's bucket are the same whatever spelling is
      // typed. Unique: no two accounts differ only by case or width. Accounts made before that
      // rule which do clash keep no key and sign in by their exact username (listed at start-up).
      // (Not named users_username_key: PostgreSQL gave that name to username's own constraint.)
      await db.schema.alterTable('users').addColumn('username_key', 'text').execute();
      const users = await sql<{
        id: string;
        username: string;
      }>`select id, username from users order by created_at, id`.execute(db);
      const byKey = new Map<string, string[]>();
      for (const u of users.rows) {
        const key = usernameKey(u.username);
        byKey.set(key, [...(byKey.get(key) ?? []), u.id]);
      }
      for (const [key, ids] of byKey) {
        if (ids.length === 1)
          await sql`update users set username_key = ${key} where id = ${ids[0]}`.execute(db);
      }
      await db.schema
        .createIndex('users_unique_username_key')
        .on('users')
        .column('username_key')
        .unique()
        .execute();
    },
  },
  '0022-qa': {
    async up(db: Kysely<unknown>) {
      // The scorecard builder: each standards pack version keeps its revisions (wording fixes
      // that do not change scoring). standards_packs.definition is the newest revision's.
      await db.schema
        .alterTable('standards_packs')
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .alterTable('standards_packs')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo('yaml'))
        .execute();
      await db.schema
        .createTable('standards_pack_revisions')
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull().check(sqlIn('source', ['yaml', 'app'])))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('saved_by', 'text', (c) => c.references('users.id'))
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('standards_pack_revisions_pk', ['pack_id', 'version', 'revision'])
        .execute();
      await sql`insert into standards_pack_revisions
          (pack_id, version, revision, definition, source, note, saved_by, saved_at)
        select pack_id, version, 1, definition, 'yaml', '', null, loaded_at from standards_packs`.execute(
        db,
      );
      // The PBX's recording of the call, when a CTI event names one (the evaluator's link).
      await db.schema.alterTable('calls').addColumn('recording_url', 'text').execute();
      // Evaluations made in the app land beside imported ones (source 'import', read-only).
      for (const [column, type, build] of [
        ['source', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('import')],
        ['status', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('imported')],
        ['evaluator_id', 'text', (c: ColumnDefinitionBuilder) => c.references('users.id')],
        ['assignment_id', 'text', (c: ColumnDefinitionBuilder) => c],
        ['version', 'integer', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(1)],
        ['comments', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('{}')],
        ['tips', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('')],
        ['lang', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('en')],
        ['score', 'text', (c: ColumnDefinitionBuilder) => c],
        ['updated_at', 'text', (c: ColumnDefinitionBuilder) => c],
        ['released_at', 'text', (c: ColumnDefinitionBuilder) => c],
        ['acknowledged_at', 'text', (c: ColumnDefinitionBuilder) => c],
        ['dispute_until', 'text', (c: ColumnDefinitionBuilder) => c],
      ] as const)
        await db.schema.alterTable('qa_evaluations').addColumn(column, type, build).execute();
      await db.schema
        .createIndex('qa_evaluations_evaluator')
        .on('qa_evaluations')
        .columns(['evaluator_id', 'status'])
        .execute();
      await db.schema
        .createIndex('qa_evaluations_call')
        .on('qa_evaluations')
        .column('call_id')
        .execute();
      // Earlier versions of an evaluation, kept visible after an accepted dispute re-scores it.
      await db.schema
        .createTable('qa_evaluation_versions')
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('qa_evaluations.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('comments', 'text', (c) => c.notNull())
        .addColumn('score', 'text')
        .addColumn('reason', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('qa_evaluation_versions_pk', ['evaluation_id', 'version'])
        .execute();
      // A QA plan per team: how many evaluations per agent per period, from which calls, by whom.
      await db.schema
        .createTable('qa_plans')
        .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
        .addColumn('per_agent', 'integer', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull().check(sqlIn('period', ['week', 'month'])))
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('evaluator_ids', 'text', (c) => c.notNull())
        .addColumn('daily_cap', 'integer', (c) => c.notNull())
        .addColumn('dispute_days', 'integer', (c) => c.notNull())
        .addColumn('arbitrator_id', 'text', (c) => c.references('users.id'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The calls drawn for evaluation, each with why (the seed, slot and filters): auditable.
      await db.schema
        .createTable('qa_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('period_from', 'text', (c) => c.notNull())
        .addColumn('slot', 'integer', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('evaluator_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('due', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('evaluation_id', 'text')
        .addColumn('drawn_at', 'text', (c) => c.notNull())
        .execute();
      // One draw per agent, period and slot, across nodes.
      await db.schema
        .createIndex('qa_assignments_slot')
        .on('qa_assignments')
        .columns(['team_id', 'period_from', 'agent_id', 'slot'])
        .unique()
        .execute();
      await db.schema
        .createIndex('qa_assignments_evaluator')
        .on('qa_assignments')
        .columns(['evaluator_id', 'due'])
        .execute();
      // A call drawn once: the draw leaves out calls assigned before (in any team's plan).
      await db.schema
        .createIndex('qa_assignments_call')
        .on('qa_assignments')
        .column('call_id')
        .execute();
      // One evaluation made in the app per call (imported ones beside it are the QA tool's).
      await db.schema
        .createIndex('qa_evaluations_app_call')
        .on('qa_evaluations')
        .column('call_id')
        .unique()
        .where(sql.ref('source'), '=', 'app')
        .execute();
      // A supervisor's "evaluate this call" (the observe view's one tap).
      await db.schema
        .createTable('qa_flags')
        .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id'))
        .addColumn('flagged_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // Disputes: points (per item or overall) with the agent's reasons, and the arbitration.
      await db.schema
        .createTable('qa_disputes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('qa_evaluations.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('arbitrator_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('points', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sqlIn('status', ['open', 'accepted', 'partly', 'rejected'])),
        )
        .addColumn('resolution', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema
        .createIndex('qa_disputes_evaluation')
        .on('qa_disputes')
        .column('evaluation_id')
        .execute();
      await db.schema
        .createIndex('qa_disputes_status')
        .on('qa_disputes')
        .columns(['status', 'created_at'])
        .execute();
    },
  },
  '0023-calibration': {
    async up(db: Kysely<unknown>) {
      // A calibration session: one call scored blind by several people on one scorecard version.
      // Apart from qa_evaluations on purpose: calibration never counts toward the agent's results.
      await db.schema
        .createTable('calibration_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull().check(sqlIn('source', ['call'])))
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('pack_version', 'integer', (c) => c.notNull())
        .addColumn('facilitator_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sqlIn('status', ['open', 'revealed', 'closed'])),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revealed_at', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema
        .createIndex('calibration_sessions_created')
        .on('calibration_sessions')
        .column('created_at')
        .execute();
      await db.schema
        .createIndex('calibration_sessions_call')
        .on('calibration_sessions')
        .column('call_id')
        .execute();
      // Each participant's sheet: answers stay here, seen by nobody else until the reveal.
      await db.schema
        .createTable('calibration_sheets')
        .addColumn('session_id', 'text', (c) => c.notNull().references('calibration_sessions.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('comments', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('score', 'text')
        .addColumn('saved_at', 'text')
        .addColumn('submitted_at', 'text')
        .addPrimaryKeyConstraint('calibration_sheets_pk', ['session_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('calibration_sheets_user')
        .on('calibration_sheets')
        .column('user_id')
        .execute();
      // The facilitator's benchmark answer per item, with how the item is to be read.
      await db.schema
        .createTable('calibration_benchmarks')
        .addColumn('session_id', 'text', (c) => c.notNull().references('calibration_sessions.id'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.check(sqlIn('answer', ['yes', 'no', 'na'])))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('calibration_benchmarks_pk', ['session_id', 'item_id'])
        .execute();
      // How an item of a scorecard version is to be read, agreed in calibration: evaluators see
      // it beside the item. The newest note per item wins; the session it came from is kept.
      await db.schema
        .createTable('scorecard_guidance')
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.references('calibration_sessions.id'))
        .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scorecard_guidance_pk', ['pack_id', 'version', 'item_id'])
        .execute();
    },
  },
  '0024-mystery': {
    async up(db: Kysely<unknown>) {
      // Mystery callers sign in with a role of their own, and a calibration session may be on a
      // mystery call's recording: both are CHECKs, which SQLite cannot alter (rebuilt instead).
      await widenCheck(db, 'users', 'role', USER_ROLES_0001, [...USER_ROLES_0001, 'caller']);
      await widenCheck(db, 'calibration_sessions', 'source', ['call'], ['call', 'mystery']);
      // A mystery caller's profile (matched against the customer base a wave asks for) and the
      // numbers they call from, as typed. The user row is the account (role 'caller').
      await db.schema
        .createTable('mystery_callers')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('phones', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        /** When the caller declared they (and their family, friends) do not work at the centre. */
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Each registered number by its comparable digits (shared phoneKey): never sent a survey,
      // matched against the PBX's calls. One caller per number, kept when the caller is disabled.
      await db.schema
        .createTable('mystery_caller_phones')
        .addColumn('phone_key', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('phone', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mystery_caller_phones_user')
        .on('mystery_caller_phones')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('mystery_programmes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('objective', 'text', (c) =>
          c
            .notNull()
            .check(sqlIn('objective', ['training', 'compliance', 'road-test', 'competitor'])),
        )
        .addColumn('competitor', 'text')
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('pack_version', 'integer', (c) => c.notNull())
        /** JSON: the scorecard items asked; the ratings (id, label by language); definitions. */
        .addColumn('item_ids', 'text', (c) => c.notNull())
        .addColumn('ratings', 'text', (c) => c.notNull())
        .addColumn('definitions', 'text', (c) => c.notNull())
        .addColumn('target', 'double precision', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('mystery_waves')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('programme_id', 'text', (c) => c.notNull().references('mystery_programmes.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('from_day', 'text', (c) => c.notNull())
        .addColumn('to_day', 'text', (c) => c.notNull())
        /** JSON: team ids; the number to call per team; the scenarios; the profile mix. */
        .addColumn('team_ids', 'text', (c) => c.notNull())
        .addColumn('numbers', 'text', (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull())
        .addColumn('scenarios', 'text', (c) => c.notNull())
        .addColumn('per_team_max', 'integer', (c) => c.notNull())
        .addColumn('per_agent_max', 'integer', (c) => c.notNull())
        .addColumn('caller_gap_days', 'integer', (c) => c.notNull())
        .addColumn('profile_mix', 'text', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('margin', 'double precision', (c) => c.notNull())
        /** JSON WavePlan as last computed (at save, and as launched). */
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sqlIn('status', ['draft', 'live', 'closed'])),
        )
        /** The assignments' shuffle (set at launch): the same wave gives the same assignments. */
        .addColumn('seed', 'text')
        .addColumn('launched_at', 'text')
        .addColumn('closed_at', 'text')
        /** Results out to agents (their reflective sessions); nothing says "mystery" before. */
        .addColumn('released_at', 'text')
        .addColumn('released_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mystery_waves_programme')
        .on('mystery_waves')
        .columns(['programme_id', 'from_day'])
        .execute();
      await db.schema
        .createIndex('mystery_waves_status')
        .on('mystery_waves')
        .columns(['status', 'to_day'])
        .execute();
      // One call to make: a team, a scenario, a window, the profile it needs; the caller on it.
      await db.schema
        .createTable('mystery_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('wave_id', 'text', (c) => c.notNull().references('mystery_waves.id'))
        /** Its place in the wave's planned calls: launched once, across nodes. */
        .addColumn('slot', 'integer', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('call_type', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('window_from', 'text', (c) => c.notNull())
        .addColumn('window_to', 'text', (c) => c.notNull())
        .addColumn('day_part', 'text', (c) =>
          c.notNull().check(sqlIn('day_part', ['morning', 'afternoon', 'evening', 'night'])),
        )
        .addColumn('weekend', 'integer', (c) => c.notNull())
        /** JSON Partial<CallerProfile>: the dimensions the wave's mix sets. */
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('caller_id', 'text', (c) => c.references('users.id'))
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .check(
              sqlIn('status', ['open', 'claimed', 'reported', 'returned', 'approved', 'rejected']),
            ),
        )
        .addColumn('claimed_at', 'text')
        /** Who gave it to the caller (a manager), null when the caller claimed it. */
        .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mystery_assignments_slot')
        .on('mystery_assignments')
        .columns(['wave_id', 'slot'])
        .unique()
        .execute();
      await db.schema
        .createIndex('mystery_assignments_status')
        .on('mystery_assignments')
        .columns(['status', 'window_to'])
        .execute();
      // The board's gap rule: has this caller called this team lately (any wave)?
      await db.schema
        .createIndex('mystery_assignments_caller')
        .on('mystery_assignments')
        .columns(['caller_id', 'team_id'])
        .execute();
      // The caller's report on an assignment: draft, submitted (scored, matched), reviewed.
      await db.schema
        .createTable('mystery_reports')
        .addColumn('assignment_id', 'text', (c) =>
          c.primaryKey().references('mystery_assignments.id'),
        )
        .addColumn('wave_id', 'text', (c) => c.notNull().references('mystery_waves.id'))
        .addColumn('caller_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('called_at', 'text', (c) => c.notNull())
        .addColumn('called_number', 'text', (c) => c.notNull())
        .addColumn('from_number', 'text', (c) => c.notNull())
        /** phoneKey(from_number): what the PBX's remote party is compared with. */
        .addColumn('from_key', 'text', (c) => c.notNull())
        .addColumn('agent_name_heard', 'text', (c) => c.notNull().defaultTo(''))
        /** JSON: Record<item, Answer>, Record<item, comment>, Record<rating, 1-5>. */
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('comments', 'text', (c) => c.notNull())
        .addColumn('ratings', 'text', (c) => c.notNull())
        .addColumn('impression', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('reply', 'text', (c) => c.notNull().defaultTo(''))
        /** ScoreResult JSON with the programme's pack version; null for a draft. */
        .addColumn('score', 'text')
        .addColumn('match_method', 'text', (c) =>
          c
            .notNull()
            .defaultTo('none')
            .check(sqlIn('match_method', ['number', 'manual', 'none'])),
        )
        .addColumn('call_id', 'text', (c) => c.references('calls.id'))
        .addColumn('agent_id', 'text', (c) => c.references('users.id'))
        /** JSON: the calls it could be when the number did not decide (ids, for the manager). */
        .addColumn('candidates', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('over_agent_limit', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('grade', 'integer')
        .addColumn('review_note', 'text')
        .addColumn('reviewed_at', 'text')
        .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
        .addColumn('submitted_at', 'text')
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mystery_reports_wave')
        .on('mystery_reports')
        .columns(['wave_id', 'submitted_at'])
        .execute();
      // What other features leave out (QA sampling, surveys, CSAT): a matched call.
      await db.schema
        .createIndex('mystery_reports_call')
        .on('mystery_reports')
        .column('call_id')
        .execute();
      // The agent's mystery calls (per-agent limit; reflective session once released).
      await db.schema
        .createIndex('mystery_reports_agent')
        .on('mystery_reports')
        .columns(['agent_id', 'called_at'])
        .execute();
      // A calibration session on a mystery call (source 'mystery'): the report it came from.
      await db.schema
        .alterTable('calibration_sessions')
        .addColumn('mystery_assignment_id', 'text', (c) => c.references('mystery_assignments.id'))
        .execute();
    },
  },
  '0025-kpi-settings': {
    async up(db: Kysely<unknown>) {
      // The PBX's queues and the team each one counts for (null: seen, not yet mapped).
      await db.schema
        .createTable('kpi_queues')
        .addColumn('queue', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('call_type', 'text')
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .execute();
      // Per-team KPI settings; a team without a row has the defaults (KPI_DEFAULTS, no targets,
      // leaderboard off).
      await db.schema
        .createTable('kpi_settings')
        .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
        .addColumn('fcr_days', 'integer', (c) => c.notNull())
        .addColumn('short_abandon_seconds', 'integer', (c) => c.notNull())
        .addColumn('service_level_seconds', 'integer', (c) => c.notNull())
        /** JSON: KpiTargets. */
        .addColumn('targets', 'text', (c) => c.notNull())
        .addColumn('leaderboard', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .execute();
    },
  },
  '0026-kpi-legs': {
    async up(db: Kysely<unknown>) {
      // One row per call leg (a PBX call in a queue), merged from its queue events in whatever
      // order they arrive. The facts are as the PBX sent them; the derived columns (what
      // shared's legSums counts, stamped at each write: the wait, handled or not, the handle
      // times) let the figures be plain sums. The thresholds (short abandon, service level, FCR
      // days) are a team's settings and are applied when reading.
      await db.schema
        .createTable('kpi_legs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pbx_call_id', 'text', (c) => c.notNull())
        .addColumn('queue', 'text', (c) => c.notNull().references('kpi_queues.queue'))
        /** The queue's team when the leg was last stamped (null: the queue is not mapped). */
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        /** The agent who answered (else acted on) the leg; null for an abandoned call. */
        .addColumn('agent_id', 'text', (c) => c.references('users.id'))
        /** The extension the PBX named, kept also when no agent had it. */
        .addColumn('extension', 'text')
        /** The PBX's call type (IVR choice); call_type: it, else the queue's, else Sidecoach's. */
        .addColumn('pbx_call_type', 'text')
        .addColumn('call_type', 'text')
        /** shared phoneKey of the caller's number: repeat contacts are found by it. */
        .addColumn('customer_key', 'text')
        /** 1 once the 'offered' event arrived; until then offered_at is inferred. */
        .addColumn('offered_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('offered_at', 'text', (c) => c.notNull())
        .addColumn('offered_ms', 'bigint', (c) => c.notNull())
        .addColumn('answered_at', 'text')
        .addColumn('abandoned_at', 'text')
        /** The PBX's wait (answered, abandoned). */
        .addColumn('wait_ms', 'integer')
        .addColumn('transferred_at', 'text')
        .addColumn('to_queue', 'text')
        .addColumn('wrap_start_at', 'text')
        .addColumn('wrap_end_at', 'text')
        /** The PBX's talk and hold (wrap-up started). */
        .addColumn('talk_ms', 'integer')
        .addColumn('hold_ms', 'integer')
        .addColumn('complaint', 'integer', (c) => c.notNull().defaultTo(0))
        /** The same number's next call (another PBX call id), set when that one is offered. */
        .addColumn('next_contact_at', 'text')
        .addColumn('next_contact_ms', 'bigint')
        /** Sidecoach's call (calls.external_id = pbx_call_id, same agent), once known. */
        .addColumn('call_id', 'text', (c) => c.references('calls.id'))
        // Derived (shared/src/domain/kpi.ts): how it ended (0 waiting, 1 answered, 2 answered
        // and transferred on, 3 abandoned; short or not is the team's threshold, read from the
        // wait), the wait as counted, handled (0/1) and its times.
        .addColumn('outcome', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('counted_wait_ms', 'integer')
        .addColumn('handled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('handle_talk_ms', 'integer')
        .addColumn('handle_hold_ms', 'integer')
        .addColumn('handle_acw_ms', 'integer')
        /** The day it was offered in time_zone (the team's, else the hub's). */
        .addColumn('local_day', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Each leg once: a call in a queue; and the legs a queue's re-mapping moves, by day.
      await db.schema
        .createIndex('kpi_legs_queue_call')
        .on('kpi_legs')
        .columns(['queue', 'pbx_call_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('kpi_legs_queue_offered')
        .on('kpi_legs')
        .columns(['queue', 'offered_at'])
        .execute();
      // A call's other legs (transfers) and Sidecoach's call record for it.
      await db.schema
        .createIndex('kpi_legs_pbx_call')
        .on('kpi_legs')
        .column('pbx_call_id')
        .execute();
      // The dashboard: a team's days, in the zone they were stamped in (a change is found by it),
      // with every column its counters read, so a month of a large team is read from the index
      // alone, in the order it is grouped (day, call type, agent), without the rows or a sort.
      await db.schema
        .createIndex('kpi_legs_team_day')
        .on('kpi_legs')
        .columns([
          'team_id',
          'time_zone',
          'local_day',
          'call_type',
          'agent_id',
          'outcome',
          'counted_wait_ms',
          'handled',
          'handle_talk_ms',
          'handle_hold_ms',
          'handle_acw_ms',
          'customer_key',
          'next_contact_ms',
          'offered_ms',
          'complaint',
        ])
        .execute();
      // The drill-down and the export, newest or oldest first; an agent's own.
      await db.schema
        .createIndex('kpi_legs_team_offered')
        .on('kpi_legs')
        .columns(['team_id', 'offered_at', 'id'])
        .execute();
      await db.schema
        .createIndex('kpi_legs_agent_offered')
        .on('kpi_legs')
        .columns(['agent_id', 'offered_at', 'id'])
        .execute();
      // Repeat contacts: the same number's earlier and later calls.
      await db.schema
        .createIndex('kpi_legs_customer')
        .on('kpi_legs')
        .columns(['customer_key', 'offered_ms'])
        .execute();
      // A Sidecoach call's legs (the drill's survey answers), and whether one counts as a
      // complaint already (a complaint call is counted once: read from the index alone).
      await db.schema
        .createIndex('kpi_legs_call')
        .on('kpi_legs')
        .columns(['call_id', 'complaint', 'call_type'])
        .execute();
    },
  },
  '0027-recognition': {
    async up(db: Kysely<unknown>) {
      // Badges earned from the records. The unique key is the award: the agent, the badge, its
      // item ('' when the kind has none: a NULL would not be equal to itself in the index) and
      // its period key (the week's Monday, the month's first day, a streak's first answer), so
      // the database itself makes an award happen once, whatever node or replay tries again.
      await db.schema
        .createTable('recognition_badges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', BADGE_KINDS_0027)))
        .addColumn('item_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_key', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('awarded_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('recognition_badges_award', [
          'agent_id',
          'kind',
          'item_id',
          'period_key',
        ])
        .execute();
      await db.schema
        .createIndex('recognition_badges_team_at')
        .on('recognition_badges')
        .columns(['team_id', 'awarded_at'])
        .execute();
      await db.schema
        .createIndex('recognition_badges_agent_at')
        .on('recognition_badges')
        .columns(['agent_id', 'awarded_at'])
        .execute();
      // Shout-outs a lead or a teammate gave, naming a standard and the behaviour seen. The id
      // is the giver's (client-generated): a retry stores it once.
      await db.schema
        .createTable('recognition_shoutouts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('from_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('from_role', 'text', (c) =>
          c.notNull().check(sqlIn('from_role', ['lead', 'peer'])),
        )
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('behaviour', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('call_id', 'text', (c) => c.references('calls.id'))
        .addColumn('visibility', 'text', (c) =>
          c.notNull().check(sqlIn('visibility', ['team', 'private'])),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('recognition_shoutouts_team_at')
        .on('recognition_shoutouts')
        .columns(['team_id', 'at'])
        .execute();
      await db.schema
        .createIndex('recognition_shoutouts_agent_at')
        .on('recognition_shoutouts')
        .columns(['agent_id', 'at'])
        .execute();
      await db.schema
        .createIndex('recognition_shoutouts_from_at')
        .on('recognition_shoutouts')
        .columns(['from_id', 'at'])
        .execute();
    },
  },
};

/** The badge kinds 0027 was made with (shared BADGE_KINDS then): its CHECK. */
const BADGE_KINDS_0027 = ['standard-week', 'no-critical-month', 'csat-streak', 'reflective-week'];

/** The roles the users table was made with (0001): the CHECK 0024 widens. */
const USER_ROLES_0001 = ['agent', 'supervisor', 'lead', 'admin'];

/**
 * Lets a column's `in (...)` CHECK accept more values. PostgreSQL drops the constraint (found
 * by its definition in pg_constraint, whatever it was named) and adds the wider one. SQLite
 * cannot alter a CHECK: the table is rebuilt from its own stored definition (so every column,
 * also those a migration that ran before this one added, stays as it is), its rows copied and
 * its indexes made again, in one transaction. Foreign keys are off meanwhile (outside the
 * transaction: SQLite ignores the pragma inside one), with legacy_alter_table on: with foreign
 * keys on, SQLite rewrites other tables' REFERENCES users to the renamed old table even in
 * legacy mode, and they would point at a dropped table. foreign_key_check must then find
 * nothing before the commit.
 */
async function widenCheck(
  db: Kysely<unknown>,
  table: string,
  column: string,
  from: string[],
  to: string[],
): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    const found = await sql<{ conname: string; def: string }>`
      select conname, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = ${table}::regclass and contype = 'c'`.execute(db);
    const mentions = found.rows.filter((r) => r.def.includes(column));
    if (mentions.length !== 1)
      throw new Error(
        `expected one CHECK on ${table}.${column}, found ${mentions.map((r) => r.conname).join(', ') || 'none'}`,
      );
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(mentions[0]!.conname)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_${column}_check`)} check (${sqlIn(column, to)})`.execute(
      db,
    );
    return;
  }
  const master = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table} order by rowid`.execute(db);
  const create = master.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`no table ${table}`);
  if (master.rows.some((r) => r.type === 'trigger' || r.type === 'view'))
    throw new Error(`${table} has triggers or views the rebuild would lose`);
  const old = `check (${inList(column, from)})`;
  const at = create.indexOf(old);
  if (at < 0 || create.indexOf(old, at + 1) >= 0)
    throw new Error(`the CHECK on ${table}.${column} is not the one expected: ${create}`);
  const widened = `${create.slice(0, at)}check (${inList(column, to)})${create.slice(at + old.length)}`;
  // Indexes made by CREATE INDEX (UNIQUE constraints' own come back with the table).
  const indexes = master.rows
    .filter((r) => r.type === 'index' && r.sql !== null)
    .map((r) => r.sql!);
  const previous = `${table}_before_0024`;
  const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  await sql`pragma foreign_keys = off`.execute(db);
  await sql`pragma legacy_alter_table = on`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql`alter table ${sql.table(table)} rename to ${sql.table(previous)}`.execute(trx);
      await sql.raw(widened).execute(trx);
      await sql`insert into ${sql.table(table)} select * from ${sql.table(previous)}`.execute(trx);
      await sql`drop table ${sql.table(previous)}`.execute(trx);
      for (const index of indexes) await sql.raw(index).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0)
        throw new Error(`rebuilding ${table} breaks foreign keys: ${JSON.stringify(broken.rows)}`);
    });
  } finally {
    await sql`pragma legacy_alter_table = off`.execute(db);
    if (keys.rows[0]?.foreign_keys) await sql`pragma foreign_keys = on`.execute(db);
  }
}

function inList(column: string, values: string[]): string {
  return `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
}

function sqlIn(column: string, values: string[]) {
  // Values are constants of ours, never user input.
  return sql.raw(inList(column, values));
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Unordered: migrations written side by side land in any order (0021 may be on a database
  // before 0020 reaches it); each touches its own tables and columns.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(
      `database migration ${name} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings a new database to an earlier schema, `last` included: how an upgrade test makes a
 * database as an older release left it (the hub itself always migrates to the latest).
 */
export async function migrateUpTo(db: Kysely<unknown>, last: string): Promise<void> {
  if (!Object.hasOwn(migrations, last)) throw new Error(`no migration ${last}`);
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateTo(last);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}
