// Netstrings (`LEN:DATA,`), the framing of baresip's ctrl_tcp: several can arrive in one TCP
// chunk and one can be split across chunks, so the decoder keeps what it has not used.

const MAX_FRAME_BYTES = 1024 * 1024;

export class NetstringError extends Error {
  override name = 'NetstringError';
}

export function encodeNetstring(payload: string): Buffer {
  const data = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(`${data.length}:`), data, Buffer.from(',')]);
}

/** Incremental decoder: `push` returns every complete frame, in order; throws on bad framing. */
export class NetstringDecoder {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: string[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon === -1) {
        if (this.buffer.length > 10) throw new NetstringError('length prefix too long');
        if (!/^\d*$/.test(this.buffer.toString('latin1')))
          throw new NetstringError('length is not a number');
        return frames;
      }
      const lengthText = this.buffer.subarray(0, colon).toString('latin1');
      if (!/^\d{1,10}$/.test(lengthText))
        throw new NetstringError(`bad length "${lengthText.slice(0, 12)}"`);
      const length = Number(lengthText);
      if (length > MAX_FRAME_BYTES)
        throw new NetstringError(`frame of ${length} bytes is too large`);
      const end = colon + 1 + length;
      if (this.buffer.length < end + 1) return frames;
      if (this.buffer[end] !== 0x2c) throw new NetstringError('frame does not end with ","');
      frames.push(this.buffer.subarray(colon + 1, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 1);
    }
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
  }
}
