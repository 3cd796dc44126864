import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "@{{ project.name }}/db";
import type { AccessUser } from "@{{ project.name }}/shared-types";
import { findUserById } from "./users.js";

const DEV_SECRET = "dev-only-insecure-session-secret";
let warned = false;

function sessionSecret(): string {
  const secret = process.env.ACCESS_SESSION_SECRET;
  if (secret) return secret;
  if (!warned) {
    warned = true;
    console.warn("ACCESS_SESSION_SECRET is not set: using a development-only secret. Set it in production.");
  }
  return DEV_SECRET;
}

function ttlHours(): number {
  const hours = Number(process.env.ACCESS_SESSION_TTL_HOURS || {{ moduleSettings.access.sessionTtlHours }});
  return Number.isFinite(hours) && hours > 0 ? hours : {{ moduleSettings.access.sessionTtlHours }};
}

/** Sessions are looked up by an HMAC of the token, so a leaked table cannot be replayed. */
export function hashToken(token: string): string {
  return createHmac("sha256", sessionSecret()).update(token).digest("hex");
}

export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours() * 3_600_000).toISOString();
  await db.query("DELETE FROM access_sessions WHERE user_id = $1 AND expires_at < now()", [userId]);
  await db.query("INSERT INTO access_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)", [
    hashToken(token),
    userId,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export async function findSessionUser(db: Db, token: string): Promise<AccessUser | undefined> {
  const result = await db.query<{ user_id: string }>(
    "SELECT user_id FROM access_sessions WHERE token_hash = $1 AND expires_at > now()",
    [hashToken(token)],
  );
  const row = result.rows[0];
  return row ? findUserById(db, row.user_id) : undefined;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query("DELETE FROM access_sessions WHERE token_hash = $1", [hashToken(token)]);
}
