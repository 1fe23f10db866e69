import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { BodyTooLarge, ByteLimit } from './body-limit.ts';

/** Streams `chunks` through a limit into a sink; resolves with what arrived. */
async function through(limit: ByteLimit, chunks: string[]) {
  const received: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), limit, sink);
  return Buffer.concat(received).toString();
}

describe('ByteLimit', () => {
  it('passes a body up to the limit unchanged, counting its bytes and hashing them', async () => {
    const limit = new ByteLimit(10, { hash: 'sha256' });
    assert.equal(await through(limit, ['abcd', 'efghij']), 'abcdefghij');
    assert.equal(limit.bytes, 10);
    assert.equal(limit.exceeded, false);
    assert.equal(limit.digest(), createHash('sha256').update('abcdefghij').digest('hex'));
  });

  it('fails with BodyTooLarge (413) on the byte past the limit, before that chunk goes on', async () => {
    const limit = new ByteLimit(10);
    const sink: string[] = [];
    await assert.rejects(
      pipeline(
        Readable.from([Buffer.from('abcdef'), Buffer.from('ghijk'), Buffer.from('never')]),
        limit,
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            sink.push(chunk.toString());
            callback();
          },
        }),
      ),
      (error: unknown) => error instanceof BodyTooLarge && error.status === 413 && error.limit === 10,
    );
    assert.equal(limit.exceeded, true);
    assert.deepEqual(sink, ['abcdef']);
  });

  it('has no digest unless asked for one', () => {
    assert.throws(() => new ByteLimit(1).digest(), /without a hash/);
  });
});
