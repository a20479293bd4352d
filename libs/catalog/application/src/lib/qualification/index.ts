export * from './qualification-curator';
export * from './record-qualifications.use-case';
export * from './enforce-qualifications.use-case';
