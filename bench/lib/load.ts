import autocannon, { type TResult } from 'autocannon';

export type TLoadFigures = {
  requestsPerSecond: number;
  p95Ms: number;
  p50Ms: number;
  total: number;
  failures: number;
};

/**
 * Drives `paths` (cycled) against `baseUrl` with `connections` concurrent clients for `seconds`,
 * after a short warm-up. p95 is interpolated from autocannon's p90 and p97.5 (it reports no p95).
 */
export async function load(options: {
  baseUrl: string;
  paths: readonly string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
}): Promise<TLoadFigures> {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration,
      headers: options.headers,
      requests: [
        {
          setupRequest: (request) => {
            const path = options.paths[i % options.paths.length]!;
            i += 1;
            return { ...request, path };
          },
        },
      ],
    });
  if (options.warmupSeconds) await run(options.warmupSeconds);
  const result: TResult = await run(options.seconds);
  const p95 = result.latency.p90 + ((result.latency.p97_5 - result.latency.p90) * (95 - 90)) / (97.5 - 90);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p95Ms: p95,
    p50Ms: result.latency.p50,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
