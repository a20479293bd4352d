/** Injection tokens of the Kafka module: constants here, never string literals elsewhere. */
export const KAFKA_MODULE_OPTIONS = Symbol('KAFKA_MODULE_OPTIONS');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const PROCESSED_EVENT_LEDGER = Symbol('PROCESSED_EVENT_LEDGER');
/** Resolves (to the topics it created) once the start-up topic provisioning is done. */
export const PROVISIONED_TOPICS = Symbol('PROVISIONED_TOPICS');

/** The transport id of KafkaEventsStrategy; @OnEvent handlers are bound to it. */
export const KAFKA_EVENTS_TRANSPORT = Symbol('KAFKA_EVENTS_TRANSPORT');
/** Where @OnEvent puts the event definition among Nest's pattern extras. */
export const EVENT_DEFINITION_EXTRA = 'supplyhubEventDefinition';
/** Where @OnEvent puts the handler's options (EventHandlerOptions). */
export const EVENT_HANDLER_OPTIONS_EXTRA = 'supplyhubEventHandlerOptions';
/** Set by @OnEvents: the method takes a run of events (an array), see onEvents. */
export const EVENT_BATCH_EXTRA = 'supplyhubEventBatch';
