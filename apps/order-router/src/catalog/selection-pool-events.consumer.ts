import { Controller } from '@nestjs/common';
import { type CloudEvent, SelectionPoolChanged, type SelectionPoolChangedData } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { RecordSelectionPoolChange } from '@supply-hub/orders-application';

/** The catalog's saved selection pools, into the copies order intake checks a mall's lines against. */
@Controller()
export class SelectionPoolEventsConsumer {
  constructor(private readonly recordChange: RecordSelectionPoolChange) {}

  @OnEvent(SelectionPoolChanged)
  async onSelectionPoolChanged(event: CloudEvent<SelectionPoolChangedData>): Promise<void> {
    await this.recordChange.execute(event.data);
  }
}
