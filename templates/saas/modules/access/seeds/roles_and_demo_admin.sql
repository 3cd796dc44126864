-- module access: the built-in roles and a demo admin. Idempotent: safe to re-apply.
-- Demo admin: admin@example.com / admin-password-change-me — change or delete it before going live.
INSERT INTO access_roles (name, description) VALUES
  ('admin', 'Manages users and every resource'),
  ('member', 'A signed-up user')
ON CONFLICT (name) DO NOTHING;

INSERT INTO access_users (email, display_name, password_hash) VALUES
  ('admin@example.com', 'Demo admin', 'scrypt$16384$8$1$c2xpcHdheS1kZW1vLXNhbHQ$d49e2xN9rLjcFQIkA1YGw1r9QOWkTxTgPcs6kNHbDKE')
ON CONFLICT DO NOTHING;

INSERT INTO access_user_roles (user_id, role)
SELECT id, role FROM access_users, (VALUES ('admin'), ('member')) AS roles (role)
WHERE lower(email) = 'admin@example.com'
ON CONFLICT DO NOTHING;
