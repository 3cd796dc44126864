import type { Db } from "@{{ project.name }}/db";
import type { KbDocument, KbDocumentInput, KbSearchHit } from "@{{ project.name }}/shared-types";

interface DocumentRow {
  id: string;
  title: string;
  body: string;
  tags: string[];
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = "id, title, body, tags, created_by, created_at, updated_at";

function toDocument(row: DocumentRow): KbDocument {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    tags: row.tags,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function listDocuments(db: Db, limit: number, offset: number): Promise<{ documents: KbDocument[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.query<DocumentRow>(`SELECT ${COLUMNS} FROM kb_documents ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2`, [limit, offset]),
    db.query<{ total: number }>("SELECT count(*)::int AS total FROM kb_documents"),
  ]);
  return { documents: rows.rows.map(toDocument), total: count.rows[0]?.total ?? 0 };
}

export async function getDocument(db: Db, id: string): Promise<KbDocument | undefined> {
  const result = await db.query<DocumentRow>(`SELECT ${COLUMNS} FROM kb_documents WHERE id = $1`, [id]);
  return result.rows[0] && toDocument(result.rows[0]);
}

export async function insertDocument(db: Db, input: Required<KbDocumentInput>, createdBy: string | null): Promise<KbDocument> {
  const result = await db.query<DocumentRow>(
    `INSERT INTO kb_documents (title, body, tags, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [input.title, input.body, input.tags, createdBy],
  );
  const row = result.rows[0];
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return toDocument(row);
}

export async function updateDocument(db: Db, id: string, input: Required<KbDocumentInput>): Promise<KbDocument | undefined> {
  const result = await db.query<DocumentRow>(
    `UPDATE kb_documents SET title = $2, body = $3, tags = $4, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, input.title, input.body, input.tags],
  );
  return result.rows[0] && toDocument(result.rows[0]);
}

export async function deleteDocument(db: Db, id: string): Promise<boolean> {
  const result = await db.query<{ id: string }>("DELETE FROM kb_documents WHERE id = $1 RETURNING id", [id]);
  return result.rows.length > 0;
}

/**
 * Full-text search over titles (weight A) and bodies (weight B) with the web-search
 * syntax: `"exact phrase"`, `or`, `-exclude`.
 */
export async function searchDocuments(db: Db, query: string, limit: number): Promise<KbSearchHit[]> {
  const result = await db.query<DocumentRow & { rank: number; snippet: string }>(
    `SELECT ${COLUMNS.split(", ")
      .map((column) => `d.${column}`)
      .join(", ")},
            ts_rank(d.search, q)::float8 AS rank,
            ts_headline('english', d.body, q, 'StartSel=<b>, StopSel=</b>, MaxWords=30, MinWords=10') AS snippet
     FROM kb_documents d, websearch_to_tsquery('english', $1) q
     WHERE d.search @@ q
     ORDER BY rank DESC, d.updated_at DESC
     LIMIT $2`,
    [query, limit],
  );
  return result.rows.map((row) => ({ document: toDocument(row), rank: row.rank, snippet: row.snippet }));
}
