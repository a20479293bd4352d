import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { WebhookEndpointRepository } from '../webhook-endpoints/webhook-endpoint.repository';
import type { WebhookDeliveryDocument, WebhookQueueDocument } from './webhook-delivery.schema';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveryMetrics } from './webhook-delivery-metrics.service';
import { appendAttempt, decideAfterAttempt, type DeliveryAttempt, disabledReasonFor, isDelivered, shouldDisableEndpoint } from './webhook-delivery-policy';
import { type Clock, systemClock } from '../config/clock';
import { WEBHOOK_CLOCK, WEBHOOK_DELIVERY_SETTINGS, WEBHOOK_RANDOM, type WebhookDeliverySettings } from './webhook-delivery-settings';
import { WebhookQueueRepository } from './webhook-queue.repository';
import { WebhookSender } from './webhook-sender.service';

/** How long an endpoint whose breaker is open is left alone before its deliveries are tried again. */
const BREAKER_PAUSE_MS = 30_000;

/**
 * Sends due deliveries. Each poll reads the small `webhook_queue` (never the log), claims entries one by
 * one with a conditional update and a lease, so instances share the work and no attempt is made twice
 * at once, then records each attempt on the delivery, reschedules or finishes it, and keeps the
 * endpoint's delivery state. A worker that dies mid-send leaves its lease to run out: another worker
 * sends again (at least once; the mall dedupes by SupplyHub-Event-Id).
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private claims = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private started = false;
  private stopped = false;
  private pokedWhileRunning = false;

  constructor(
    private readonly queue: WebhookQueueRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly sender: WebhookSender,
    private readonly metrics: WebhookDeliveryMetrics,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
    @Optional() @Inject(WEBHOOK_CLOCK) private readonly clock: Clock = systemClock,
    @Optional() @Inject(WEBHOOK_RANDOM) private readonly random: () => number = Math.random,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.workerEnabled) return;
    this.started = true;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // Attempts in flight finish and are recorded before the database connection closes.
    await this.running?.catch(() => undefined);
  }

  /** Wakes the loop now (a dispatch queued something), instead of at the next poll. */
  poke(): void {
    if (!this.started || this.stopped) return;
    if (this.running) this.pokedWhileRunning = true;
    else this.schedule(0);
  }

  /**
   * One pass: claims what is due now and sends it, `concurrency` at a time. Returns how many deliveries
   * it attempted. The loop calls it; tests call it directly with the loop off.
   */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const due = await this.queue.due(now, this.settings.batchSize);
    let processed = 0;
    let next = 0;
    const lane = async () => {
      while (next < due.length && !this.stopped) {
        const candidate = due[next++] as WebhookQueueDocument;
        const token = `${this.instanceId}:${++this.claims}`;
        const entry = await this.queue.claim(candidate._id, token, this.clock.now(), this.settings.leaseMs);
        if (!entry) continue; // another worker took it
        await this.process(entry, token).catch((error: unknown) =>
          this.logger.error({ err: error, deliveryId: entry._id }, 'webhook delivery step failed; retried after its lease'),
        );
        processed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, due.length) }, lane));
    return processed;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
    // Never the reason a process stays alive.
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    if (this.stopped || this.running) return;
    this.pokedWhileRunning = false;
    let processed = 0;
    this.running = this.runOnce();
    try {
      processed = await this.running;
    } catch (error) {
      this.logger.warn({ err: error }, 'webhook delivery poll failed; trying again at the next poll');
    } finally {
      this.running = undefined;
    }
    if (this.stopped) return;
    // A full batch likely left more due work behind: go on at once.
    this.schedule(this.pokedWhileRunning || processed >= this.settings.batchSize ? 0 : this.settings.pollIntervalMs);
  }

  private async process(entry: WebhookQueueDocument, token: string): Promise<void> {
    const delivery = await this.deliveryFor(entry);
    if (delivery.status !== 'pending') {
      // Finished already: a worker stopped between recording the outcome and removing the entry.
      await this.queue.complete(entry._id, token);
      return;
    }
    const endpoint = await this.endpoints.findOne(entry.tenantId, { _id: entry.endpointId });
    if (!endpoint || endpoint.status !== 'enabled') {
      const reason = endpoint ? 'endpoint disabled before the delivery succeeded' : 'endpoint deleted';
      if (await this.deliveries.abandon(entry._id, reason, this.clock.now())) this.metrics.deliveries.inc({ outcome: 'failed' });
      await this.queue.complete(entry._id, token);
      return;
    }

    const at = this.clock.now();
    const result = await this.sender.send(
      { endpointId: endpoint._id, url: endpoint.url, secret: endpoint.secret },
      { eventId: entry.eventId, eventType: entry.eventType, body: entry.body },
      Math.floor(at.getTime() / 1000),
    );
    if (result.kind === 'breaker-open') {
      await this.queue.reschedule(entry._id, token, new Date(at.getTime() + BREAKER_PAUSE_MS));
      return;
    }

    const succeeded = isDelivered(result.statusCode);
    const attempt: DeliveryAttempt = {
      attempt: delivery.attemptCount + 1,
      at,
      statusCode: result.statusCode,
      error: succeeded ? null : (result.error ?? `HTTP ${result.statusCode}`),
      durationMs: result.durationMs,
    };
    this.metrics.attempts.inc({ outcome: succeeded ? 'success' : 'failure' });
    this.metrics.attemptDuration.observe(result.durationMs / 1000);
    const decision = decideAfterAttempt({
      attempt: attempt.attempt,
      maxAttempts: entry.maxAttempts,
      succeeded,
      now: at,
      retryScheduleMs: this.settings.retryScheduleMs,
      jitterRatio: this.settings.jitterRatio,
      random: this.random,
    });
    const recorded = await this.deliveries.recordAttempt(delivery._id, delivery.attemptCount, {
      $set: {
        attempts: appendAttempt(delivery.attempts, attempt, this.settings.attemptLogSize),
        attemptCount: attempt.attempt,
        status: decision.status,
        nextAttemptAt: decision.status === 'pending' ? decision.nextAttemptAt : null,
        deliveredAt: decision.status === 'delivered' ? at : null,
        failedAt: decision.status === 'failed' ? at : null,
        lastError: attempt.error,
        updatedAt: at,
      },
    });
    if (!recorded) {
      this.logger.warn({ deliveryId: delivery._id }, 'another worker recorded an attempt of this delivery meanwhile (lease ran out); leaving it to that one');
      return;
    }

    if (decision.status === 'pending') {
      await this.endpoints.recordFailedAttempt(entry.tenantId, endpoint._id, at);
      await this.queue.reschedule(entry._id, token, decision.nextAttemptAt);
      return;
    }
    this.metrics.deliveries.inc({ outcome: decision.status });
    if (decision.status === 'delivered') await this.endpoints.recordDelivered(entry.tenantId, endpoint._id, at);
    else await this.countFailedDelivery(entry.tenantId, endpoint._id, attempt.error, at);
    await this.queue.complete(entry._id, token);
  }

  /** The log record of a queued delivery; written from the queue entry when a crash came between the two writes of dispatch. */
  private async deliveryFor(entry: WebhookQueueDocument): Promise<WebhookDeliveryDocument> {
    const found = await this.deliveries.findById(entry._id);
    if (found) return found;
    const { leaseToken: _token, leaseUntil: _until, maxAttempts: _max, dueAt, ...fields } = entry;
    await this.deliveries.insertMissing([
      {
        ...fields,
        status: 'pending',
        attempts: [],
        attemptCount: 0,
        updatedAt: dueAt,
        nextAttemptAt: dueAt,
        deliveredAt: null,
        failedAt: null,
        lastError: null,
      },
    ]);
    const written = await this.deliveries.findById(entry._id);
    if (!written) throw new Error(`webhook delivery ${entry._id} could not be recorded`);
    return written;
  }

  private async countFailedDelivery(tenantId: string, endpointId: string, lastError: string | null, at: Date): Promise<void> {
    const endpoint = await this.endpoints.recordFailedDelivery(tenantId, endpointId, at);
    if (!endpoint || endpoint.status !== 'enabled' || !shouldDisableEndpoint(endpoint.consecutiveFailures, this.settings.disableAfterFailures)) return;
    const reason = disabledReasonFor(endpoint.consecutiveFailures, lastError);
    if (await this.endpoints.disable(tenantId, endpointId, reason, at)) {
      this.metrics.endpointsDisabled.inc();
      this.logger.warn({ tenantId, endpointId, reason }, 'webhook endpoint disabled');
    }
  }
}
