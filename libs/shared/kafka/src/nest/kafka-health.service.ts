import type { Admin, Kafka } from 'kafkajs';
import { checkKafka, type KafkaHealthStatus } from '../lib/health/check-kafka';

/** For the /health endpoint: a real request to the cluster with a short timeout. */
export class KafkaHealth {
  private readonly admin: Admin;

  constructor(
    kafka: Kafka,
    private readonly timeoutMs: number,
  ) {
    // No kafkajs retries: the health answer must reflect the broker now, within the timeout.
    this.admin = kafka.admin({ retry: { retries: 0 } });
  }

  check(): Promise<KafkaHealthStatus> {
    return checkKafka(this.admin, this.timeoutMs);
  }

  async close(): Promise<void> {
    await this.admin.disconnect();
  }
}
