/** One event of the server's structured log: a JSON object on one line. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * JSON lines (`{"time":…,"level":…,"event":…,…}`), one per event, so that log tools can filter on any
 * field; never the content of a design or a token.
 */
export function jsonLogger(write: (line: string) => void): Logger {
  const log = (level: string, event: string, fields: LogFields = {}) => {
    let line: string;
    try {
      line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    } catch {
      line = JSON.stringify({ time: new Date().toISOString(), level, event, note: 'fields could not be written as JSON' });
    }
    write(`${line}\n`);
  };
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}

/** The reason of an error, for a log line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
