/**
 * Tables, each beside its inferred types. Migrations are generated from this file by drizzle-kit
 * (`npm run db:generate`) into db/migrations and applied on start.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Screenplay } from "../lib/screenplay/schema";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/**
 * People. Also better-auth's `user` model (lib/auth/auth.ts): accounts made by signing up are rows here,
 * and so is the local user of the embedded default, which has no email and no password.
 */
export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
export type User = typeof users.$inferSelect;

/** better-auth's `session` model: one row per signed-in browser; the cookie carries the token. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** better-auth's `account` model: how a user signs in (for email and password, the password hash). */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true, mode: "date" }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true, mode: "date" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

/** better-auth's `verification` model: short-lived tokens (email verification, password reset). */
export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

export const films = pgTable(
  "films",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    logline: text("logline").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("films_owner_idx").on(t.ownerId, t.createdAt)],
);
export type Film = typeof films.$inferSelect;

export const branches = pgTable(
  "branches",
  {
    id: text("id").primaryKey(),
    filmId: text("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    headCutId: text("head_cut_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("branches_film_name_idx").on(t.filmId, t.name)],
);
export type Branch = typeof branches.$inferSelect;

export const CUT_STATUS = { writing: "writing", rendering: "rendering", complete: "complete", failed: "failed" } as const;

/** One immutable version of the screenplay. Only its render status and outputs change after it is made. */
export const cuts = pgTable(
  "cuts",
  {
    id: text("id").primaryKey(),
    filmId: text("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id, { onDelete: "cascade" }),
    parentCutId: text("parent_cut_id"),
    messageId: text("message_id"),
    screenplay: jsonb("screenplay").$type<Screenplay>().notNull(),
    /**
     * The shots of the cut this one was changed from, as timed there (lib/plan/plan-cut PreviousShots),
     * when that cut was finished first: a shot timed the same keeps its length. Null for a first cut.
     */
    previousShots: jsonb("previous_shots").$type<Record<string, { frames: number; natural: number; minFrames: number }>>(),
    summary: text("summary").notNull().default(""),
    notes: jsonb("notes").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    status: text("status").$type<keyof typeof CUT_STATUS>().notNull(),
    error: text("error"),
    /** Content key of the film (stitch) asset once made. */
    filmKey: text("film_key"),
    durationSeconds: real("duration_seconds"),
    shotsRendered: integer("shots_rendered").notNull().default(0),
    shotsReused: integer("shots_reused").notNull().default(0),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("cuts_film_idx").on(t.filmId, t.createdAt)],
);
export type Cut = typeof cuts.$inferSelect;

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    filmId: text("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    branchId: text("branch_id"),
    role: text("role").$type<"user" | "assistant">().notNull(),
    content: text("content").notNull(),
    target: jsonb("target").$type<{ kind: string; id: string } | null>(),
    cutId: text("cut_id"),
    /** The client's id for the request, so a double click or a retried request makes one cut. */
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [index("messages_film_idx").on(t.filmId, t.createdAt), uniqueIndex("messages_request_idx").on(t.filmId, t.requestId)],
);
export type Message = typeof messages.$inferSelect;

export const SHOT_STATUS = { waiting: "waiting", queued: "queued", rendering: "rendering", done: "done", failed: "failed" } as const;

/** A shot as it stands in one cut: its keys once planned, its render status, failure reason. */
export const cutShots = pgTable(
  "cut_shots",
  {
    cutId: text("cut_id")
      .notNull()
      .references(() => cuts.id, { onDelete: "cascade" }),
    shotId: text("shot_id").notNull(),
    sceneId: text("scene_id").notNull(),
    position: integer("position").notNull(),
    status: text("status").$type<keyof typeof SHOT_STATUS>().notNull(),
    renderKey: text("render_key"),
    mixKey: text("mix_key"),
    frames: integer("frames"),
    /** True when every asset of the shot already existed before this cut. */
    reused: boolean("reused"),
    error: text("error"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cutId, t.shotId] }), index("cut_shots_render_idx").on(t.renderKey), index("cut_shots_mix_idx").on(t.mixKey)],
);
export type CutShot = typeof cutShots.$inferSelect;

/** Takes of a shot: every distinct render of the shot within a film. */
export const takes = pgTable(
  "takes",
  {
    filmId: text("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    shotId: text("shot_id").notNull(),
    renderKey: text("render_key").notNull(),
    take: integer("take").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.shotId, t.renderKey] })],
);
export type Take = typeof takes.$inferSelect;

/** Content-addressed assets (files live in the asset store under their key). */
export const assets = pgTable("assets", {
  key: text("key").primaryKey(),
  stage: text("stage").notNull(),
  bytes: integer("bytes").notNull().default(0),
  meta: jsonb("meta").$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});
export type Asset = typeof assets.$inferSelect;

/** What each job did: for progress, failures and the benchmark. */
export const jobResults = pgTable(
  "job_results",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    key: text("key").notNull(),
    cutId: text("cut_id"),
    status: text("status").$type<"done" | "reused" | "failed" | "retrying">().notNull(),
    error: text("error"),
    ms: integer("ms"),
    worker: text("worker"),
    createdAt: createdAt(),
  },
  (t) => [index("job_results_cut_idx").on(t.cutId)],
);
export type JobResult = typeof jobResults.$inferSelect;

/** Read-only links to a cut: an unguessable token, revocable. */
export const shares = pgTable(
  "shares",
  {
    id: text("id").primaryKey(),
    filmId: text("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    cutId: text("cut_id").notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("shares_film_idx").on(t.filmId, t.createdAt)],
);
export type Share = typeof shares.$inferSelect;
