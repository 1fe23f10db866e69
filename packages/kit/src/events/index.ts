/** The event backbone: catalogue, envelope, outbox writes, relay, consumers, time-made events, NATS tier. */
export * from './catalogue.ts';
export * from './envelope.ts';
export * from './outbox.ts';
export * from './relay.ts';
export * from './consumer.ts';
export * from './backbone.ts';
export * from './scheduled.ts';
export * from './retention.ts';
export * from './repair.ts';
export * from './backlog.ts';
export * from './snapshot.ts';
