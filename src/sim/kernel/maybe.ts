// Values that are ready now (InlineHost) or later (WorkerHost). The synchronous path must not
// allocate promises: a fast-forward through a long run goes through here millions of times.
import type { MaybePromise } from '../host/types';

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}

export function andThen<T, R>(value: MaybePromise<T>, fn: (v: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(fn) : fn(value);
}
