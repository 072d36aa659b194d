/**
 * A minimal static file server for a built site on 127.0.0.1, for printing PDFs and
 * end-to-end tests: directory URLs serve index.html, missing files the site's 404.html,
 * and paths under `base` map to the directory root as on the real host.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.pdf': 'application/pdf',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.webmanifest': 'application/manifest+json',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
	url: string;
	server: Server;
	close(): Promise<void>;
}

function resolveFile(root: string, pathname: string): string | undefined {
	const decoded = decodeURIComponent(pathname);
	const target = path.normalize(path.join(root, decoded));
	if (!target.startsWith(root)) return undefined;
	if (existsSync(target) && statSync(target).isFile()) return target;
	const index = path.join(target, 'index.html');
	if (existsSync(index)) return index;
	return undefined;
}

export async function serveStatic(dir: string, options: { base?: string; port?: number } = {}): Promise<StaticServer> {
	const root = path.resolve(dir);
	const base = (options.base ?? '/').replace(/\/?$/, '/');
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname = url.pathname;
		if (base !== '/' && pathname.startsWith(base)) pathname = `/${pathname.slice(base.length)}`;
		const file = resolveFile(root, pathname);
		if (file && !pathname.endsWith('/') && file.endsWith('index.html') && !pathname.endsWith('.html')) {
			res.writeHead(301, { location: `${url.pathname}/${url.search}` });
			res.end();
			return;
		}
		const served = file ?? path.join(root, '404.html');
		if (!existsSync(served)) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		res.writeHead(file ? 200 : 404, {
			'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
		});
		createReadStream(served).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		server,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
