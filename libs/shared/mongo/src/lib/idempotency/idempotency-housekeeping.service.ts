import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MongoIdempotencyStore } from './mongo-idempotency.store';

const PURGE_INTERVAL_MS = 3600_000;

/** Purges expired idempotency records hourly, standing in for the TTL index FerretDB lacks. */
@Injectable()
export class IdempotencyHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyHousekeeping.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: MongoIdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_INTERVAL_MS);
    // Never the reason a process stays alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(now = new Date()): Promise<void> {
    try {
      const purged = await this.store.purgeExpired(now);
      if (purged > 0) this.logger.log(`purged ${purged} expired idempotency keys`);
    } catch (error) {
      this.logger.warn({ err: error }, 'purging expired idempotency keys failed; next try in an hour');
    }
  }
}
