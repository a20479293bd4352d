import { Controller } from '@nestjs/common';
import { BlacklistChanged, type BlacklistChangedData, type CloudEvent } from '@supply-hub/contracts';
import { OnEvent } from '@supply-hub/kafka/nest';
import { RecordBlacklistChange } from '@supply-hub/orders-application';

/** The catalog's blacklist changes, into the entries order intake refuses SKUs by. */
@Controller()
export class BlacklistEventsConsumer {
  constructor(private readonly recordChange: RecordBlacklistChange) {}

  @OnEvent(BlacklistChanged)
  async onBlacklistChanged(event: CloudEvent<BlacklistChangedData>): Promise<void> {
    await this.recordChange.execute(event.data);
  }
}
