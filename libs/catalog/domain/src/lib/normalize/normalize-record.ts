import type { BrandFeedPayload, JdOfferPayload, TaobaoOfferPayload } from '../sources/source-payloads';
import type { SourceRecord } from '../sources/supplier-source';
import { normalizeBrandFeed } from './normalize-brand-feed';
import { normalizeJd } from './normalize-jd';
import { normalizeTaobao } from './normalize-taobao';
import type { NormalizedRecord } from './normalized-record';

/** Any source's record into the canonical draft, by the protocol family that produced it. */
export function normalizeRecord(record: SourceRecord): NormalizedRecord {
  switch (record.kind) {
    case 'jd':
      return normalizeJd(record as SourceRecord<JdOfferPayload>);
    case 'taobao':
      return normalizeTaobao(record as SourceRecord<TaobaoOfferPayload>);
    case 'brand-feed':
      return normalizeBrandFeed(record as SourceRecord<BrandFeedPayload>);
  }
}
