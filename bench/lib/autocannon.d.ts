/** The part of autocannon 9's programmatic API the benchmarks use (it ships no types). */
declare module 'autocannon' {
  type TRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type TOptions = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (request: TRequest) => TRequest }[];
  };
  type THistogram = {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
  };
  export type TResult = {
    requests: THistogram & { total: number; sent: number };
    latency: THistogram;
    throughput: THistogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
  };
  function autocannon(options: TOptions): Promise<TResult>;
  export default autocannon;
}
