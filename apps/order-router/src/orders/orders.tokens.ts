/** order-router's database (the default Mongoose connection's). */
export const ORDERS_DB = Symbol('OrdersDb');
/** The clock the use cases read: the system's, or a test's that moves at will (SLA timers). */
export const ORDER_CLOCK = Symbol('OrderClock');
/** The configured warehouses (WAREHOUSES, or the six defaults). */
export const WAREHOUSES = Symbol('Warehouses');
