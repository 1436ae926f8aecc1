export * from './domain/standards.js';
export * from './domain/scoring.js';
export * from './domain/pack-yaml.js';
export * from './protocol/errors.js';
export * from './protocol/schemas.js';
export * from './protocol/events.js';
export * from './ipc/bridge.js';
export * from './protocol/call-events.js';
