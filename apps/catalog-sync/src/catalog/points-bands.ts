import { Injectable } from '@nestjs/common';
import { bandPriceRangeFen, type PointsBand, type PointsBandPolicy, pointsBandOfPoints, pointsPriceOf } from '@supply-hub/catalog-domain';
import { InjectServiceConfig } from '@supply-hub/platform';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/** The points rate and band thresholds this service was started with (POINTS_PER_YUAN, POINTS_BAND_*). */
@Injectable()
export class PointsBands {
  readonly policy: PointsBandPolicy;

  constructor(@InjectServiceConfig() config: CatalogSyncEnv) {
    this.policy = { pointsPerYuan: config.POINTS_PER_YUAN, midFromPoints: config.POINTS_BAND_MID_FROM, highFromPoints: config.POINTS_BAND_HIGH_FROM };
  }

  /** What a mall shows next to a contract price: the points price and its band. */
  pricing(contractPriceFen: number): { pointsPrice: number; pointsBand: PointsBand } {
    const pointsPrice = pointsPriceOf(contractPriceFen, this.policy);
    return { pointsPrice, pointsBand: pointsBandOfPoints(pointsPrice, this.policy) };
  }

  /** A band as contract-price bounds narrowed by the caller's own, or undefined when nothing can match both. */
  narrowPrice(band: PointsBand, bounds: { minPriceFen?: number; maxPriceFen?: number }): { minPriceFen: number; maxPriceFen?: number } | undefined {
    const range = bandPriceRangeFen(band, this.policy);
    const minPriceFen = Math.max(range.minFen, bounds.minPriceFen ?? 0);
    const maxes = [range.maxFen, bounds.maxPriceFen].filter((value): value is number => value !== undefined);
    const maxPriceFen = maxes.length > 0 ? Math.min(...maxes) : undefined;
    if (maxPriceFen !== undefined && minPriceFen > maxPriceFen) return undefined;
    return { minPriceFen, ...(maxPriceFen === undefined ? {} : { maxPriceFen }) };
  }
}
