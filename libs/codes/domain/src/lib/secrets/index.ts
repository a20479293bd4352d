export * from './code-cipher';
export * from './code-fingerprint';
export * from './code-key-ring';
export * from './masking';
