import { BaseRpcContext } from '@nestjs/microservices';
import type { EventContext } from '../lib/consuming/event-handler';

/** The Nest RPC context of an @OnEvent handler: where the event came from, which attempt this is. */
export class KafkaEventContext extends BaseRpcContext<[EventContext]> {
  get event(): EventContext {
    return this.args[0];
  }
}
