/**
 * Whether the page's Content-Security-Policy lets it reach `target` (an origin) with `fetch` and a
 * WebSocket: read from the policy's connect-src (or default-src), so that a server this copy of the app
 * may not reach gets a sentence saying what to do instead of a request the browser blocks.
 */
export function connectAllowed(policy: string | undefined, selfOrigin: string, target: string): boolean {
  if (!policy) return true;
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const socket = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const matches = (scheme: string, source: string): boolean => {
    if (source === "'self'") return url.origin === selfOrigin;
    if (source === '*') return true;
    const match = /^([a-z][a-z0-9+.-]*:)\/\/([^/:]+)(?::(\d+|\*))?$/i.exec(source);
    if (!match) return false;
    const [, sourceScheme, host, port] = match;
    if (sourceScheme?.toLowerCase() !== scheme || host?.toLowerCase() !== url.hostname) return false;
    const defaultPort = scheme === 'https:' || scheme === 'wss:' ? '443' : '80';
    return port === '*' || (port ?? defaultPort) === (url.port || defaultPort);
  };
  // Both are needed: POST /sessions over HTTP, then the WebSocket on the same host and port.
  return sources.some((source) => matches(url.protocol, source)) && sources.some((source) => matches(socket, source));
}
