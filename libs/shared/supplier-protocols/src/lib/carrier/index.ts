export * from './carrier-states';
export * from './carrier-json';
export * from './carrier-subscribe';
export * from './carrier-push';
export * from './carrier-sign';
export * from './carrier-callback';
