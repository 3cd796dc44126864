/**
 * The factory floor's tables: the apps users ask for, the runs that build them (with
 * their steps, log lines and artifacts) and the instances that serve them. Same
 * conventions as `schema.ts`; kept apart so neither file grows past a screenful of
 * tables. Migrations are generated from both files.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './schema.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const APP_STATUSES = ['pending', 'building', 'running', 'failed', 'stopped'] as const;
export type AppStatus = (typeof APP_STATUSES)[number];

/**
 * An app a user asked the platform for. `slug` (its host name label) is unique per owner
 * among apps not deleted; `DELETE` sets `deleted_at` and keeps the row and its runs as
 * history. `modules` is the ordered list of module names, `answers` the template answers.
 * `state_run_id` points at the run whose step records are the app's cache state (the
 * database run store's `load()`); null before the first run and after a cleanup.
 */
export const apps = pgTable(
  'apps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    template: text('template').notNull(),
    templateVersion: text('template_version').notNull(),
    modules: jsonb('modules').$type<string[]>().notNull().default([]),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: APP_STATUSES }).notNull().default('pending'),
    currentInstanceId: uuid('current_instance_id').references((): AnyPgColumn => instances.id, {
      onDelete: 'set null',
    }),
    stateRunId: uuid('state_run_id').references((): AnyPgColumn => runs.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('apps_owner_slug_key')
      .on(t.ownerId, t.slug)
      .where(sql`${t.deletedAt} is null`),
    index('apps_owner_id_idx').on(t.ownerId),
    check('apps_status_check', sql`${t.status} in (${inList(APP_STATUSES)})`),
  ],
);

export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'interrupted',
  'cancelled',
] as const;
export type RunRowStatus = (typeof RUN_STATUSES)[number];

/**
 * One lifecycle run of an app. `id` is also the engine's run id (the server passes it
 * as `runId`). `trigger` says why it ran (`create`, `rebuild`, `update`, `retry`, …);
 * `planned` is the engine's ordered step list; `error` a `SlipwayError` as JSON.
 */
export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    trigger: text('trigger').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    planned: jsonb('planned').$type<string[]>(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    failedStep: text('failed_step'),
    error: jsonb('error').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('runs_app_id_queued_at_idx').on(t.appId, t.queuedAt),
    index('runs_status_idx').on(t.status),
    check('runs_status_check', sql`${t.status} in (${inList(RUN_STATUSES)})`),
  ],
);

/**
 * One step's record in a run: the engine's whole `StepRecord`, so a run's steps are the
 * app's cache state. `source_run_id` is the run that last executed the step (a cached
 * step keeps an older run); no foreign key, so history survives in any delete order.
 * `error` is a `SlipwayError` as JSON, recovery commands included.
 */
export const runSteps = pgTable(
  'run_steps',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    status: text('status').notNull(),
    sourceRunId: text('source_run_id'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    cacheKey: text('cache_key'),
    inputs: jsonb('inputs').$type<Record<string, string>>(),
    reason: text('reason'),
    error: jsonb('error').$type<Record<string, unknown>>(),
    log: text('log'),
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.name] })],
);

export const LOG_STREAMS = ['output', 'stdout', 'stderr', 'system'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

/**
 * Log lines, already redacted. `seq` increases per run across all its steps, so
 * `after=<seq>` reads resume exactly (the primary key serves them); `output` is a
 * command's stdout and stderr interleaved, `system` a line the platform wrote.
 */
export const logLines = pgTable(
  'log_lines',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    step: text('step').notNull(),
    stream: text('stream', { enum: LOG_STREAMS }).notNull().default('output'),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq] }),
    index('log_lines_run_id_step_seq_idx').on(t.runId, t.step, t.seq),
    check('log_lines_stream_check', sql`${t.stream} in (${inList(LOG_STREAMS)})`),
  ],
);

/** Files a run produced (a bundle, an image archive): content digest, size, where it lives. */
export const artifacts = pgTable(
  'artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    step: text('step'),
    digest: text('digest').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('artifacts_run_id_idx').on(t.runId)],
);

export const INSTANCE_STATUSES = ['starting', 'running', 'down', 'stopped'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export const INSTANCE_HEALTH = ['unknown', 'healthy', 'unhealthy'] as const;
export type InstanceHealth = (typeof INSTANCE_HEALTH)[number];

/**
 * A running copy of an app. `driver` is the runtime driver (`process`, `container`);
 * `pid` or `container_id` identifies it to that driver; `url` is where it listens.
 */
export const instances = pgTable(
  'instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references((): AnyPgColumn => apps.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references((): AnyPgColumn => runs.id, { onDelete: 'set null' }),
    driver: text('driver').notNull(),
    url: text('url'),
    status: text('status', { enum: INSTANCE_STATUSES }).notNull().default('starting'),
    health: text('health', { enum: INSTANCE_HEALTH }).notNull().default('unknown'),
    pid: integer('pid'),
    containerId: text('container_id'),
    restarts: integer('restarts').notNull().default(0),
    lastHealthAt: timestamp('last_health_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('instances_app_id_idx').on(t.appId),
    check('instances_status_check', sql`${t.status} in (${inList(INSTANCE_STATUSES)})`),
    check('instances_health_check', sql`${t.health} in (${inList(INSTANCE_HEALTH)})`),
  ],
);
