import { Controller } from '@nestjs/common';
import {
  type CloudEvent,
  SkuDelisted,
  type SkuDelistedData,
  SkuPriceChanged,
  type SkuPriceChangedData,
  SkuStockChanged,
  type SkuStockChangedData,
  SkuUpserted,
  type SkuUpsertedData,
} from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { RecordCatalogSku } from '@supply-hub/orders-application';

/** The catalog's SKU events, into the sellable-SKU read model that order intake checks. */
@Controller()
export class CatalogEventsConsumer {
  constructor(private readonly recordSku: RecordCatalogSku) {}

  @OnEvent(SkuUpserted)
  async onSkuUpserted(event: CloudEvent<SkuUpsertedData>): Promise<void> {
    await this.recordSku.upserted(event.data);
  }

  @OnEvent(SkuPriceChanged)
  async onSkuPriceChanged(event: CloudEvent<SkuPriceChangedData>): Promise<void> {
    await this.recordSku.upserted(event.data);
  }

  @OnEvent(SkuStockChanged)
  async onSkuStockChanged(event: CloudEvent<SkuStockChangedData>): Promise<void> {
    await this.recordSku.upserted(event.data);
  }

  @OnEvent(SkuDelisted)
  async onSkuDelisted(event: CloudEvent<SkuDelistedData>): Promise<void> {
    await this.recordSku.delisted(event.data);
  }
}
