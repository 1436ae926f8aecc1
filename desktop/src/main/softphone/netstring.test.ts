import { describe, expect, it } from 'vitest';
import { encodeNetstring, NetstringDecoder, NetstringError } from './netstring.js';

describe('netstrings', () => {
  it('round-trips, counting bytes not characters', () => {
    const frame = encodeNetstring('{"text":"你好"}');
    expect(frame.toString('utf8')).toBe('17:{"text":"你好"},');
    expect(new NetstringDecoder().push(frame)).toEqual(['{"text":"你好"}']);
  });

  it('splits several frames in one chunk and joins one frame split across chunks', () => {
    const d = new NetstringDecoder();
    const all = Buffer.concat([
      encodeNetstring('one'),
      encodeNetstring('two'),
      encodeNetstring('three'),
    ]);
    expect(d.push(all.subarray(0, 9))).toEqual(['one']);
    expect(d.push(all.subarray(9, 10))).toEqual([]);
    expect(d.push(all.subarray(10, 17))).toEqual(['two']);
    expect(d.push(all.subarray(17))).toEqual(['three']);
    // byte by byte
    const frames: string[] = [];
    for (const byte of encodeNetstring('{"a":1}')) frames.push(...d.push(Buffer.from([byte])));
    expect(frames).toEqual(['{"a":1}']);
  });

  it('refuses bad framing', () => {
    expect(() => new NetstringDecoder().push(Buffer.from('x3:abc,'))).toThrow(NetstringError);
    expect(() => new NetstringDecoder().push(Buffer.from('3:abc;'))).toThrow(/end with ","/);
    expect(() => new NetstringDecoder().push(Buffer.from('99999999999'))).toThrow(/too long/);
    expect(() => new NetstringDecoder().push(Buffer.from('2000000:'))).toThrow(/too large/);
  });
});
