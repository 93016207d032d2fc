/** How `portico serve` runs; every limit has a default sized for a workshop of hundreds on one machine. */
export interface ServeOptions {
  /** TCP port for HTTP and WebSocket. @default 1234 */
  port: number;
  /** Address to listen on. @default '0.0.0.0' (participants join from other machines) */
  host: string;
  /** Folder for the rooms (LevelDB) and the server secret. @default './portico-data' */
  dataDir: string;
  /** `redis://host:port`: share rooms with other instances through Redis. @default none */
  redisUrl?: string;
  /** A built app (`npm run build`'s `dist`) to serve at `/`, so that a workshop needs one address. @default ./dist when it holds index.html */
  appDir?: string;
  limits: ServeLimits;
}

export interface ServeLimits {
  /** Largest WebSocket message, and so largest update (a whole design joins as one). @default 4 MiB */
  maxMessageBytes: number;
  /** Largest encoded document of a room. @default 16 MiB */
  maxDocumentBytes: number;
  /** Largest presence (awareness) message. @default 32 KiB */
  maxAwarenessBytes: number;
  /** Largest stateless message. @default 8 KiB */
  maxStatelessBytes: number;
  /** Sustained messages per second per connection (token bucket refill). @default 60 */
  messagesPerSecond: number;
  /** Burst of messages a connection may send at once (token bucket size). @default 600 */
  messageBurst: number;
  /** Messages a connection may send before it is authenticated. @default 64 */
  messagesBeforeAuthentication: number;
  /** Connections to one room. @default 1000 */
  connectionsPerRoom: number;
  /** Sessions one address may create per minute (a classroom behind one NAT address starts many). @default 240 */
  sessionsPerMinute: number;
}

export const defaultLimits: ServeLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxAwarenessBytes: 32 * 1024,
  maxStatelessBytes: 8 * 1024,
  messagesPerSecond: 60,
  messageBurst: 600,
  messagesBeforeAuthentication: 64,
  connectionsPerRoom: 1000,
  sessionsPerMinute: 240,
};

export const defaultServeOptions: ServeOptions = {
  port: 1234,
  host: '0.0.0.0',
  dataDir: './portico-data',
  limits: defaultLimits,
};
