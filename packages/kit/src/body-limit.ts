/**
 * A byte limit on a request body streamed through: it counts the bytes, optionally hashes them on the way (an
 * upload's identity is the digest of its whole content), and fails the stream with `BodyTooLarge` the moment the
 * limit is passed — so an oversized upload is stopped without being buffered, whether it is relayed upstream (the
 * gateway) or spooled to disk (the 双公示 import route).
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** The body passed the limit: answer 413. */
export class BodyTooLarge extends Error {
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`The body exceeds ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

export class ByteLimit extends Transform {
  /** Bytes seen so far (past the limit: the bytes up to the chunk that passed it). */
  bytes = 0;
  /** Whether the limit was passed (the stream has failed with BodyTooLarge). */
  exceeded = false;
  private readonly hash: Hash | null;

  constructor(
    readonly limit: number,
    options: { hash?: 'sha256' } = {},
  ) {
    super();
    this.hash = options.hash ? createHash(options.hash) : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      this.exceeded = true;
      return callback(new BodyTooLarge(this.limit));
    }
    this.hash?.update(chunk);
    callback(null, chunk);
  }

  /** The hex digest of everything passed through; only once, after the stream has ended. */
  digest(): string {
    if (!this.hash) throw new Error('ByteLimit: created without a hash');
    return this.hash.digest('hex');
  }
}
