export * from './money';
export * from './arithmetic';
export * from './decimal';
