// A static file server on 127.0.0.1 for ./build.sh serve and the browser tests, logging every
// request it answers. Usage: node tools/static_server.mjs FOLDER PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.ts': 'text/plain' };

// The file a request path names: a folder (the site's root, '/') serves its index.html.
async function fileFor(folder, path) {
  const file = join(folder, path);
  const info = await stat(file);
  return info.isDirectory() ? join(file, 'index.html') : file;
}

export async function serveFolder(folder, port = 0) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    requests.push(path);
    try {
      const file = await fileFor(folder, path);
      const body = await readFile(file);
      // no-cache: a browser asks again each time, so the page and its scripts are always of one build.
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => server.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serveFolder(process.argv[2], Number(process.argv[3] ?? 8080));
  console.log(`serving ${process.argv[2]} on ${url}/ (Ctrl-C to stop)`);
}
