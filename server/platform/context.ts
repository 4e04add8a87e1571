import type { TClock } from './clock';
import type { TConfig } from './config';
import type { TDatabase } from './db';
import type { TLogger } from './log';

/** What the HTTP layer, jobs and the CLI share: configuration, the database, the clock, the logger. */
export type TAppContext = {
  config: TConfig;
  database: TDatabase;
  clock: TClock;
  log: TLogger;
  version: string;
  /** Asks the job queue to run a job soon (best effort; jobs also run on their schedule). */
  nudge?: (job: string) => Promise<void>;
};
