-- module kb: documents with a stored full-text search vector. Idempotent: safe to re-apply.
CREATE TABLE IF NOT EXISTS kb_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  -- the author's user id when the access module is present, else NULL
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'B')
  ) STORED
);
CREATE INDEX IF NOT EXISTS kb_documents_search_idx ON kb_documents USING gin (search);
CREATE INDEX IF NOT EXISTS kb_documents_updated_at_idx ON kb_documents (updated_at DESC);
