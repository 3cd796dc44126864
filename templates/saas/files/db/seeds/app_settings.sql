-- Settings from the Slipway project config (`auth:` and `ai.providers:`), written as SQL
-- literals by the `sql` filter. Re-applying updates the rows in place.
{% if auth %}
INSERT INTO app_idp_config (id, provider, issuer, client_id, client_secret_env, allowed_domains)
VALUES (
  'default',
  {{ auth.provider | sql }},
  {{ auth.issuer | default: nil | sql }},
  {{ auth.clientId | default: nil | sql }},
  {% if auth.clientSecret %}'AUTH_CLIENT_SECRET'{% else %}NULL{% endif %},
  COALESCE({{ auth.allowedDomains | default: nil | sql }}, '{}')
)
ON CONFLICT (id) DO UPDATE SET
  provider = EXCLUDED.provider,
  issuer = EXCLUDED.issuer,
  client_id = EXCLUDED.client_id,
  client_secret_env = EXCLUDED.client_secret_env,
  allowed_domains = EXCLUDED.allowed_domains,
  updated_at = now();
{% else %}
-- No `auth:` in the project config: the app uses its defaults.
SELECT 1;
{% endif %}
{% for p in ai.providers %}
INSERT INTO app_ai_providers (name, kind, base_url, model, api_key_env)
VALUES (
  {{ p.name | sql }},
  {{ p.kind | sql }},
  {{ p.baseUrl | default: nil | sql }},
  {{ p.model | default: nil | sql }},
  {% if p.apiKey %}{{ p.name | upcase | replace: "-", "_" | prepend: "AI_" | append: "_API_KEY" | sql }}{% else %}NULL{% endif %}
)
ON CONFLICT (name) DO UPDATE SET
  kind = EXCLUDED.kind,
  base_url = EXCLUDED.base_url,
  model = EXCLUDED.model,
  api_key_env = EXCLUDED.api_key_env,
  updated_at = now();
{% endfor %}
