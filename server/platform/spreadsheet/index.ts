export * from './layout';
export * from './messages';
export * from './reader';
export * from './writer';
