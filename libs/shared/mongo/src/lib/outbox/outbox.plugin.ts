import { Schema } from 'mongoose';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_VERSION_FIELD } from './outbox-fields';

/**
 * Declares the outbox fields on a Mongoose schema. Mongoose drops update paths its schema does not
 * know (strict mode), so a model whose updates go through `updateWithOutbox` needs them declared.
 * The entries are stored as written (Mixed): the relay reads them with the driver, not through models.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    [OUTBOX_FIELD]: { type: [Schema.Types.Mixed], default: undefined },
    [OUTBOX_PENDING_FIELD]: { type: Boolean },
    [OUTBOX_VERSION_FIELD]: { type: Number },
  });
  schema.index({ [OUTBOX_PENDING_FIELD]: 1 }, { name: 'outbox_pending' });
}
