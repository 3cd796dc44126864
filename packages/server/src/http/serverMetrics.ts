import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One process's Prometheus registry and the instruments the server records into. */
export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

/** A gauge whose value is read when Prometheus scrapes, e.g. from a SQL count. */
export interface GaugeSource {
  name: string;
  help: string;
  labelNames: readonly string[];
  /** Current values; throwing leaves the gauge empty for this scrape. */
  read(): Promise<ReadonlyArray<{ labels: Record<string, string>; value: number }>>;
}

/**
 * A fresh registry per server (so in-process tests don't share counters) with Node's
 * default process metrics, the HTTP instruments, and `sources` read at scrape time.
 */
export function createServerMetrics(sources: readonly GaugeSource[] = []): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const httpRequests = new Counter({
    name: 'slipway_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status',
    labelNames,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'slipway_http_request_duration_seconds',
    help: 'HTTP request latency, by route pattern and status',
    labelNames,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  for (const source of sources) registerGaugeSource(registry, source);
  return { registry, httpRequests, httpDuration };
}

function registerGaugeSource(registry: Registry, source: GaugeSource): void {
  new Gauge({
    name: source.name,
    help: source.help,
    labelNames: [...source.labelNames],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const { labels, value } of await source.read()) this.set(labels, value);
      } catch {
        // The database is down: the scrape still answers; /api/health says why.
      }
    },
  });
}
