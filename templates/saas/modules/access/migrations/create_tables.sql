-- module access: users, roles and login sessions. Idempotent: safe to re-apply.
CREATE TABLE IF NOT EXISTS access_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL DEFAULT '',
  -- scrypt$N$r$p$salt$hash (base64url), see packages/module-access/src/api/passwords.ts
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS access_users_email_key ON access_users (lower(email));

CREATE TABLE IF NOT EXISTS access_roles (
  name text PRIMARY KEY,
  description text NOT NULL DEFAULT ''
);

CREATE TABLE IF NOT EXISTS access_user_roles (
  user_id uuid NOT NULL REFERENCES access_users (id) ON DELETE CASCADE,
  role text NOT NULL REFERENCES access_roles (name) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role)
);

-- Only an HMAC of each session token is stored, never the token itself.
CREATE TABLE IF NOT EXISTS access_sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES access_users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS access_sessions_user_id_idx ON access_sessions (user_id);
CREATE INDEX IF NOT EXISTS access_sessions_expires_at_idx ON access_sessions (expires_at);
