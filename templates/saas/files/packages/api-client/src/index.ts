export { ApiClientError, createHttpClient, type HttpClient, type HttpClientOptions, type TokenStore } from "./httpClient.js";
export type { PageProps } from "./pageProps.js";
export { createApiClient, type ApiClient } from "./apiClient.js";
export { browserTokenStore, memoryTokenStore } from "./tokenStore.js";
{%- if module.access %}
export { createAccessApi, type AccessApi } from "./modules/access.js";
{%- endif %}
{%- if module.kb %}
export { createKbApi, type KbApi } from "./modules/kb.js";
{%- endif %}
