import type { TokenStore } from "./httpClient.js";

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (next) => {
      token = next;
    },
  };
}

/** Keeps the token in `localStorage`; falls back to memory where there is none (SSR, tests). */
export function browserTokenStore(key = "{{ project.name }}.session"): TokenStore {
  if (typeof localStorage === "undefined") return memoryTokenStore();
  return {
    get: () => localStorage.getItem(key),
    set: (next) => {
      if (next === null) localStorage.removeItem(key);
      else localStorage.setItem(key, next);
    },
  };
}
