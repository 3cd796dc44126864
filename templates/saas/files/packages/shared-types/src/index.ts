export type { ApiErrorBody, HealthResponse } from "./core.js";
{%- if module.access %}
export type * from "./modules/access.js";
{%- endif %}
{%- if module.kb %}
export type * from "./modules/kb.js";
{%- endif %}
