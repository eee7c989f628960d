import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PlainResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

export type Requester = (
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<PlainResponse>;

/**
 * One HTTP request on a connection of its own, closed when the answer is read. A command line
 * makes one or two requests and exits: a kept-alive connection (what `fetch` keeps) only delays
 * the exit, by more than the request itself takes.
 */
export const plainRequest: Requester = (url, init) =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: init.method, headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ ok: status >= 200 && status < 300, status, text: async () => body });
      });
    });
    req.on('error', (error) => reject(Object.assign(new Error(error.message), { cause: error })));
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
