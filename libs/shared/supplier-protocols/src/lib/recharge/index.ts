export * from './fulu-sign';
export * from './fulu-request';
export * from './fulu-answer';
export * from './fulu-card-cipher';
export * from './fulu-notify';
export * from './juhe-api';
export * from './juhe-notify';
