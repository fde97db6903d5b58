/** A WebSocket upgrade request by hand, for tests of who may open one. */
import http from 'node:http';

/**
 * The HTTP status of a WebSocket upgrade request to `url` (101 when it was accepted), with
 * `headers` added to or replacing the request's own (Host, Origin).
 */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const parsed = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port: parsed.port,
      path: `${parsed.pathname}${parsed.search}`,
      headers: {
        Host: parsed.host,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}
