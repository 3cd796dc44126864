import type { KbDocument, KbDocumentInput, KbDocumentList, KbSearchResponse } from "@{{ project.name }}/shared-types";
import type { HttpClient } from "../httpClient.js";

/** Endpoints of the kb module (`/api/kb`). */
export interface KbApi {
  list(options?: { limit?: number; offset?: number }): Promise<KbDocumentList>;
  get(id: string): Promise<KbDocument>;
  create(input: KbDocumentInput): Promise<KbDocument>;
  update(id: string, input: KbDocumentInput): Promise<KbDocument>;
  remove(id: string): Promise<void>;
  search(query: string, options?: { limit?: number }): Promise<KbSearchResponse>;
}

export function createKbApi(http: HttpClient): KbApi {
  const id = (value: string) => encodeURIComponent(value);
  return {
    list: ({ limit = 50, offset = 0 } = {}) =>
      http.request<KbDocumentList>("GET", `/api/kb/documents?limit=${limit}&offset=${offset}`),
    get: (docId) => http.request<KbDocument>("GET", `/api/kb/documents/${id(docId)}`),
    create: (input) => http.request<KbDocument>("POST", "/api/kb/documents", input),
    update: (docId, input) => http.request<KbDocument>("PUT", `/api/kb/documents/${id(docId)}`, input),
    remove: (docId) => http.request<void>("DELETE", `/api/kb/documents/${id(docId)}`),
    search: (query, { limit = 20 } = {}) =>
      http.request<KbSearchResponse>("GET", `/api/kb/search?q=${encodeURIComponent(query)}&limit=${limit}`),
  };
}
