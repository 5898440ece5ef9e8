export * from './actions';
export * from './scenario';
