/**
 * Ports frameworks and plain Node servers listen on when nothing says otherwise: what
 * inference assumes for a repository that names no port. Framework knowledge, not template
 * knowledge — the one engine file allowed to hold these numbers.
 */
export const FRAMEWORK_PORTS = {
  /** `next start` */
  next: 3000,
  /** `vite preview` */
  vitePreview: 4173,
  /** A Node server that names no port: the port most Node tutorials and starters use. */
  node: 3000,
} as const;
