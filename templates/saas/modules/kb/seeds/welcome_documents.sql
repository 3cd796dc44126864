-- module kb: two starter documents. Idempotent: fixed ids, ON CONFLICT DO NOTHING.
INSERT INTO kb_documents (id, title, body, tags) VALUES
  ('00000000-0000-4000-8000-000000000001', 'Welcome to the knowledge base',
   'Write documents here and find them again with full-text search. Search understands stemming: searching for "writing" finds "write".',
   '{welcome}'),
  ('00000000-0000-4000-8000-000000000002', 'How search works',
   'Titles weigh more than bodies. Use quotes for phrases, OR for alternatives and a leading minus to exclude a word.',
   '{help,search}')
ON CONFLICT (id) DO NOTHING;
