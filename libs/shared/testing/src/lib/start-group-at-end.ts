import type { Admin, Kafka } from 'kafkajs';

/**
 * Commits a consumer group's offsets at the topics' current ends, so the group starts with what comes
 * next instead of a topic's whole history (a new consumer group reads from the beginning). For a group
 * nobody consumes in yet: a short-lived member joins it once, commits every partition's end, and leaves.
 * One join for all topics: kafkajs's admin.setOffsets joins and waits for a fetch per topic (seconds each).
 * Topics that do not exist yet are left out: they have no history to skip.
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: { topic: string; partition: number; offset: string }[];
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length === 0) return;
    ends = (await Promise.all(present.map(async (topic) => (await topicEnds(admin, topic)).map((end) => ({ topic, partition: end.partition, offset: end.high }))))).flat();
  } finally {
    await admin.disconnect();
  }

  const member = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 50, maxBytes: 1024 });
  await member.connect();
  try {
    const subscribed = [...new Set(ends.map((end) => end.topic))];
    await member.subscribe({ topics: subscribed, fromBeginning: false });
    const joined = new Promise<void>((resolve) => member.on(member.events.GROUP_JOIN, () => resolve()));
    // Nothing is processed: the member only needs the group's partitions to commit their ends.
    await member.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    member.pause(subscribed.map((topic) => ({ topic })));
    await joined;
    await member.commitOffsets(ends);
  } finally {
    await member.disconnect();
  }
}

/** A topic created moments ago may not have its leader in the client's metadata yet: asked again with fresh metadata. */
async function topicEnds(admin: Admin, topic: string): Promise<{ partition: number; high: string }[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      if (attempt >= 40) throw error;
      await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
