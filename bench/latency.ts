/** Latency samples per endpoint class, and the table the load bench prints. */

export interface Sample {
  ms: number;
  ok: boolean;
  /** When the request ended (performance.now()). */
  at: number;
}

export class LatencyBook {
  readonly #samples = new Map<string, Sample[]>();
  readonly #errors = new Map<string, Map<string, number>>();

  constructor(readonly classes: readonly string[]) {
    for (const c of classes) this.#samples.set(c, []);
  }

  record(name: string, ms: number, error?: string, at = performance.now()): void {
    const samples = this.#samples.get(name);
    if (!samples) throw new Error(`unknown endpoint class ${name}`);
    samples.push({ ms, ok: error === undefined, at });
    if (error !== undefined) {
      const byReason = this.#errors.get(name) ?? new Map<string, number>();
      byReason.set(error, (byReason.get(error) ?? 0) + 1);
      this.#errors.set(name, byReason);
    }
  }

  samples(name: string): readonly Sample[] {
    return this.#samples.get(name) ?? [];
  }

  errorReasons(): { name: string; reason: string; count: number }[] {
    return [...this.#errors].flatMap(([name, m]) => [...m].map(([reason, count]) => ({ name, reason, count })));
  }
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Row {
  name: string;
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

export function summarize(name: string, samples: readonly Sample[], seconds: number): Row {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    name,
    count: samples.length,
    perSecond: seconds > 0 ? samples.length / seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    errors: samples.filter((s) => !s.ok).length,
  };
}

/**
 * The p95 of samples by when they started, in windows of `widthMs` from `fromMs`: shows whether slow
 * requests come in a burst (everyone arriving at once) or all along.
 */
export function p95ByWindow(samples: readonly Sample[], fromMs: number, widthMs: number): { fromSec: number; count: number; p95: number }[] {
  const windows = new Map<number, number[]>();
  for (const s of samples) {
    const w = Math.max(0, Math.floor((s.at - s.ms - fromMs) / widthMs));
    const list = windows.get(w) ?? [];
    list.push(s.ms);
    windows.set(w, list);
  }
  return [...windows.keys()]
    .sort((a, b) => a - b)
    .map((w) => {
      const sorted = windows.get(w)!.sort((a, b) => a - b);
      return { fromSec: (w * widthMs) / 1000, count: sorted.length, p95: percentile(sorted, 95) };
    });
}

export function formatTable(rows: readonly Row[]): string {
  const ms = (v: number) => (Number.isNaN(v) ? "-" : v < 10 ? v.toFixed(1) : Math.round(v).toString());
  const header = ["endpoint", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"];
  const body = rows.map((r) => [r.name, String(r.count), r.perSecond.toFixed(1), ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), String(r.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
