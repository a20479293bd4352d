export * from './offer-fixtures';
