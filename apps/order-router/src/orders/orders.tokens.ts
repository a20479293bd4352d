/** order-router's database (the default Mongoose connection's). */
export const ORDERS_DB = Symbol('OrdersDb');
/** The clock the use cases read: the system's, or a test's that moves at will (SLA timers). */
export const ORDER_CLOCK = Symbol('OrderClock');
/**
 * A clock a test provides from a global module (as WEBHOOK_CLOCK is) to move the service's time: ORDER_CLOCK
 * is provided inside OrdersModule, which a global module cannot shadow.
 */
export const ORDER_CLOCK_OVERRIDE = Symbol('OrderClockOverride');
/** The configured warehouses (WAREHOUSES, or the six defaults). */
export const WAREHOUSES = Symbol('Warehouses');
