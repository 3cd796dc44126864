/** A knowledge-base document. */
export interface KbDocument {
  id: string;
  title: string;
  body: string;
  tags: string[];
  /** The author's user id when the access module is present. */
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KbDocumentInput {
  title: string;
  body?: string;
  tags?: string[];
}

export interface KbDocumentList {
  documents: KbDocument[];
  total: number;
}

export interface KbSearchHit {
  document: KbDocument;
  rank: number;
  /** Matching fragment with the hits wrapped in `<b>…</b>`. */
  snippet: string;
}

export interface KbSearchResponse {
  query: string;
  results: KbSearchHit[];
}
