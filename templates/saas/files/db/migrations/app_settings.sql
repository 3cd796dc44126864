-- Identity-provider and AI-provider settings of this app, seeded from the Slipway project
-- config by db/seeds (reference plan 000's seed_idp_config and seed_ai_provider_credentials).
-- Secrets are never stored: each row names the environment variable that holds the value.
CREATE TABLE IF NOT EXISTS app_idp_config (
  id text PRIMARY KEY DEFAULT 'default',
  provider text NOT NULL,
  issuer text,
  client_id text,
  client_secret_env text,
  allowed_domains text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS app_ai_providers (
  name text PRIMARY KEY,
  kind text NOT NULL,
  base_url text,
  model text,
  api_key_env text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
