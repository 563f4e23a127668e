/**
 * Serves a folder as static files on 127.0.0.1 and a free port: what any static host does
 * for the JupyterLite site, and all it needs. `rewrite` lets a test change a JSON file as
 * it is served (the site's configuration) without touching the built site.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** Browsers refuse to compile WebAssembly or import a module served with another type. */
const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
  '.ipynb': 'application/json',
  '.webmanifest': 'application/manifest+json'
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Paths asked for that were not there, e.g. `/api/kernelspecs`. */
  notFound: string[];
  stop(): Promise<void>;
}

export interface StaticServerOptions {
  /** URL path (e.g. `/jupyter-lite.json`) → a change to that JSON file as served. */
  rewrite?: Record<string, (json: Record<string, unknown>) => void>;
}

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const notFound: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const size = (await stat(file)).size;
        const type = MEDIA_TYPES[extname(file)] ?? 'application/octet-stream';
        const rewrite = options.rewrite?.[path];
        if (rewrite) {
          const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
          rewrite(json);
          response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(JSON.stringify(json));
          return;
        }
        response.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-store' });
        createReadStream(file).pipe(response);
      } catch {
        notFound.push(path);
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    notFound,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
