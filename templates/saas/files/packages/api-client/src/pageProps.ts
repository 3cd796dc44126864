import type { HttpClient } from "./httpClient.js";

/** Props the web app passes to every page, including module pages. */
export interface PageProps {
  /** The app's shared client: same origin, session token from the browser store. */
  http: HttpClient;
}
