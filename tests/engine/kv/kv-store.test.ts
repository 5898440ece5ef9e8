import { describe, expect, it } from 'vitest';
import { decodeCommand, describeOp, encodeCommand } from '../../../src/engine/kv/command';
import { KvStore } from '../../../src/engine/kv/kv-store';

describe('KvStore', () => {
  it('put sets, get reads, a missing key reads as empty', () => {
    const kv = new KvStore();
    expect(kv.apply({ op: 'get', key: 'x' })).toEqual({ value: '' });
    expect(kv.apply({ op: 'put', key: 'x', value: 'a' })).toEqual({});
    expect(kv.apply({ op: 'get', key: 'x' })).toEqual({ value: 'a' });
  });

  it('append concatenates, starting from empty', () => {
    const kv = new KvStore();
    kv.apply({ op: 'append', key: 'y', value: 'a' });
    kv.apply({ op: 'append', key: 'y', value: 'b' });
    expect(kv.get('y')).toBe('ab');
  });

  it('cas writes only when the current value matches', () => {
    const kv = new KvStore();
    expect(kv.apply({ op: 'cas', key: 'z', expected: '', value: 'one' })).toEqual({ casOk: true });
    expect(kv.apply({ op: 'cas', key: 'z', expected: 'nope', value: 'two' })).toEqual({ casOk: false });
    expect(kv.get('z')).toBe('one');
    expect(kv.apply({ op: 'cas', key: 'z', expected: 'one', value: 'two' })).toEqual({ casOk: true });
    expect(kv.get('z')).toBe('two');
  });

  it('serialises by key order, whatever the order of writes, and restores exactly', () => {
    const a = new KvStore();
    a.apply({ op: 'put', key: 'b', value: '2' });
    a.apply({ op: 'put', key: 'a', value: '1' });
    const b = new KvStore();
    b.apply({ op: 'put', key: 'a', value: '1' });
    b.apply({ op: 'put', key: 'b', value: '2' });
    expect(a.serialise()).toBe('[["a","1"],["b","2"]]');
    expect(a.serialise()).toBe(b.serialise());
    const c = KvStore.restore(a.serialise());
    expect(c.entries()).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(KvStore.restore('').size).toBe(0);
  });

  it('refuses corrupt snapshot data', () => {
    expect(() => KvStore.restore('{"a":1}')).toThrow(/not an array/);
    expect(() => KvStore.restore('[["a",1]]')).toThrow(/bad pair/);
  });
});

describe('kv commands in log entries', () => {
  it('encode with a fixed field order and decode back', () => {
    const text = encodeCommand({ reqId: 4, op: { value: 'v', key: 'k', op: 'put' }, clientId: 2, origin: 'node-1' } as never);
    expect(text).toBe('{"origin":"node-1","clientId":2,"reqId":4,"op":{"op":"put","key":"k","value":"v"}}');
    expect(decodeCommand(text)).toEqual({ origin: 'node-1', clientId: 2, reqId: 4, op: { op: 'put', key: 'k', value: 'v' } });
  });

  it('refuses entry data that is not a command', () => {
    expect(() => decodeCommand('{"type":"addNode"}')).toThrow(/not a kv command/);
  });

  it('describes ops in plain words', () => {
    expect(describeOp({ op: 'put', key: 'x', value: 'c1-4' })).toBe('put x=c1-4');
    expect(describeOp({ op: 'append', key: 'x', value: 'c1-4' })).toBe('append x+=c1-4');
    expect(describeOp({ op: 'cas', key: 'x', expected: '', value: 'b' })).toBe("cas x ''->b");
    expect(describeOp({ op: 'get', key: 'y' })).toBe('get y');
  });
});
