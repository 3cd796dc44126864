import { createKbApi, type PageProps } from "@{{ project.name }}/api-client";
import type { KbDocument, KbSearchHit } from "@{{ project.name }}/shared-types";
import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Renders a search snippet, bolding the `<b>…</b>` hits without injecting HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/<\/?b>/).map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder
    i % 2 === 1 ? <b key={i}>{part}</b> : part,
  );
  return <>{parts}</>;
}

function DocumentForm(props: { initial?: KbDocument; onSave: (title: string, body: string) => void; onCancel?: () => void }) {
  const [title, setTitle] = useState(props.initial?.title ?? "");
  const [body, setBody] = useState(props.initial?.body ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave(title, body);
    if (!props.initial) {
      setTitle("");
      setBody("");
    }
  };
  return (
    <form onSubmit={submit}>
      <input placeholder="Title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <textarea placeholder="Write the document…" value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit">{props.initial ? "Save" : "Add document"}</button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

/** List, search, add, edit and delete knowledge-base documents. */
export function KbPage({ http }: PageProps) {
  const api = useMemo(() => createKbApi(http), [http]);
  const [documents, setDocuments] = useState<KbDocument[]>([]);
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<KbSearchHit[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.list().then((list) => setDocuments(list.documents), (e: unknown) => setError(errorText(e)));
  }, [api]);
  useEffect(load, [load]);

  const run = (action: Promise<unknown>) => {
    setError(null);
    action.then(load, (e: unknown) => setError(errorText(e)));
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return setHits(null);
    api.search(query).then((r) => setHits(r.results), (e: unknown) => setError(errorText(e)));
  };

  return (
    <section>
      <h1>Knowledge base</h1>
      {error && <p className="error">{error}</p>}
      <form onSubmit={search}>
        <input type="search" placeholder="Search documents" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {hits && (
        <ul>
          {hits.length === 0 && <li>No matches.</li>}
          {hits.map((hit) => (
            <li key={hit.document.id}>
              <strong>{hit.document.title}</strong> — <Snippet text={hit.snippet} />
            </li>
          ))}
        </ul>
      )}
      <DocumentForm onSave={(title, body) => run(api.create({ title, body }))} />
      {documents.map((document) =>
        editing === document.id ? (
          <DocumentForm
            key={document.id}
            initial={document}
            onSave={(title, body) => {
              setEditing(null);
              run(api.update(document.id, { title, body, tags: document.tags }));
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <article key={document.id}>
            <h3>{document.title}</h3>
            <p>{document.body}</p>
            <small>
              Updated {new Date(document.updatedAt).toLocaleString()}{" "}
              <button type="button" onClick={() => setEditing(document.id)}>
                Edit
              </button>{" "}
              <button type="button" onClick={() => run(api.remove(document.id))}>
                Delete
              </button>
            </small>
          </article>
        ),
      )}
    </section>
  );
}
