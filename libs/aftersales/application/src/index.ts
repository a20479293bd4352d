export * from './lib/aftersales-dependencies';
export * from './lib/case-actions';
export * from './lib/case-commands';
export * from './lib/case-draft';
export * from './lib/case-errors';
export * from './lib/escalate-overdue-cases.use-case';
export * from './lib/open-case.use-case';
export * from './lib/record-order-events.use-case';
