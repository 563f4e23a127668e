import { formatBytes } from '../format/index.js';
import { redactUrl } from './redact.js';

/**
 * The most of one HTTP answer read from a server: a JupyterLab's settings
 * (every plugin's schema) are a few MiB, a Jupyter server's REST answers far
 * less. Past it the body is not read further.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** A server's answer was larger than the limit; the message names the limit and the URL (redacted). */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly url: string,
    readonly limit: number
  ) {
    super(`the answer of ${redactUrl(url)} is larger than ${formatBytes(limit)}, the most read: check that the URL is a Jupyter server's`);
  }
}

/**
 * `fetch`, with the body read as text up to `maxBytes`: a server that
 * announces more, or sends more, gets `ResponseTooLargeError` and its
 * connection closed, so an endless body costs no more than the limit.
 */
export async function fetchText(url: string, init: RequestInit, maxBytes = MAX_RESPONSE_BYTES): Promise<{ ok: boolean; status: number; text: string }> {
  const response = await fetch(url, init);
  const announced = Number(response.headers.get('content-length'));
  if (announced > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(url, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      length += value.length;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(url, maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: response.ok, status: response.status, text: new TextDecoder().decode(bytes) };
}
