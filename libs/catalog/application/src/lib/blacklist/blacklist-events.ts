import type { BlacklistEntry } from '@supply-hub/catalog-domain';
import { BlacklistChanged, type BlacklistChange, type BlacklistChangedData, createEvent, type SerializedEvent, serializeEvent } from '@supply-hub/contracts';
import { CATALOG_EVENT_SOURCE } from '../sync/sku-events';

/** Who an expiry is attributed to: nobody acted, the entry ran out. */
export const BLACKLIST_EXPIRY_AUTHOR = 'system:blacklist-expiry';

/** The BlacklistChanged data announcing `change` of `entry`: `reason` and `author` are this change's. */
export function blacklistChangeOf(entry: BlacklistEntry, change: BlacklistChange, by: { reason: string; author: string; at: Date }): BlacklistChangedData {
  return {
    entryId: entry.entryId,
    change,
    target: entry.target,
    reason: by.reason,
    ...(entry.evidenceUrl ? { evidenceUrl: entry.evidenceUrl } : {}),
    author: by.author,
    ...(entry.expiresAt ? { expiresAt: entry.expiresAt.toISOString() } : {}),
    at: by.at.toISOString(),
  };
}

export function serializeBlacklistChange(data: BlacklistChangedData): SerializedEvent {
  return serializeEvent(BlacklistChanged, createEvent(BlacklistChanged, data, { source: CATALOG_EVENT_SOURCE, time: data.at }));
}
