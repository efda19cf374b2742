import type { Server } from 'node:http';

/** Starts a server on 127.0.0.1 only (never another interface) and gives the port it got (0 asks for any free one). */
export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}
