import type { Admin } from 'kafkajs';

export type KafkaHealthStatus = { status: 'up'; brokers: number; clusterId: string } | { status: 'down'; error: string };

/**
 * A real round trip to the cluster (a Metadata request), bounded by `timeoutMs`: a health endpoint must
 * answer quickly even while kafkajs is still retrying a broker that is gone.
 */
export async function checkKafka(admin: Admin, timeoutMs: number): Promise<KafkaHealthStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Kafka within ${timeoutMs} ms`)), timeoutMs);
  });
  const request = admin.connect().then(() => admin.describeCluster());
  // The request may still fail after the timeout won; that rejection has nobody left to tell.
  request.catch(() => undefined);
  try {
    const cluster = await Promise.race([request, timeout]);
    return { status: 'up', brokers: cluster.brokers.length, clusterId: cluster.clusterId };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
