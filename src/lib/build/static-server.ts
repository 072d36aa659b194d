/**
 * A minimal static file server for a built site on 127.0.0.1, for printing PDFs and
 * end-to-end tests: directory URLs serve index.html, missing files the site's 404.html,
 * and paths under `base` map to the directory root as on the real host.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { withBase } from '../routes.ts';

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

/** A running server: its root URL (with the base) and how to stop it. */
export interface StaticServer {
	url: string;
	server: Server;
	close(): Promise<void>;
}

/**
 * The file a request path names inside `root`, or undefined. Percent-escapes are decoded
 * once (a malformed one names no file), and a path that leaves `root` after decoding
 * (`/..%2Fsite-evil/x`) names no file either: the check is on path segments, not on a
 * string prefix, so a sibling directory whose name starts like `root` stays out of reach.
 */
export function resolveFile(root: string, pathname: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	if (decoded.includes('\0')) return undefined;
	const target = path.join(root, decoded);
	const inside = path.relative(root, target);
	if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
	if (existsSync(target) && statSync(target).isFile()) return target;
	const index = path.join(target, 'index.html');
	if (existsSync(index)) return index;
	return undefined;
}

/**
 * Files served beside the site under a URL prefix, from elsewhere on disk: the printer's
 * fonts (print/fonts.ts), which the published site does not hold. `file` maps the path
 * after the prefix (still percent-encoded) to a file, or to undefined for a 404; it alone
 * decides what may be served, so it must accept only names it knows.
 */
export interface StaticMount {
	/** Absolute URL path, ending in a slash, e.g. /dxal/__print/. */
	prefix: string;
	file(relative: string): string | undefined;
	/** Cache-Control of the mount's answers (default: the site's `no-cache`). */
	cacheControl?: string;
}

/** Answers a request under a mount: its file, or a plain 404 (never the site's page). */
function serveMounted(mount: StaticMount, relative: string, res: ServerResponse): void {
	let file: string | undefined;
	try {
		file = mount.file(relative);
	} catch {
		file = undefined;
	}
	if (!file || !existsSync(file) || !statSync(file).isFile()) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
		return;
	}
	res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': mount.cacheControl ?? 'no-cache' });
	createReadStream(file)
		.on('error', () => res.destroy())
		.pipe(res);
}

/** Serves `dir` on 127.0.0.1 (a free port unless `port` is given), under `base` if given, with `mounts` beside it. */
export async function serveStatic(
	dir: string,
	options: { base?: string; port?: number; mounts?: readonly StaticMount[] } = {},
): Promise<StaticServer> {
	const root = path.resolve(dir);
	const base = withBase(options.base ?? '/');
	const notFound = path.join(root, '404.html');
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname = url.pathname;
		const mount = options.mounts?.find((m) => pathname.startsWith(m.prefix));
		if (mount) {
			serveMounted(mount, pathname.slice(mount.prefix.length), res);
			return;
		}
		if (base !== '/' && pathname.startsWith(base)) pathname = `/${pathname.slice(base.length)}`;
		const file = resolveFile(root, pathname);
		if (file && !pathname.endsWith('/') && file.endsWith('index.html') && !pathname.endsWith('.html')) {
			res.writeHead(301, { location: `${url.pathname}/${url.search}` });
			res.end();
			return;
		}
		const served = file ?? notFound;
		if (!existsSync(served)) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		res.writeHead(file ? 200 : 404, {
			'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
		});
		// A file removed while it is being served ends this response, not the process.
		createReadStream(served)
			.on('error', () => res.destroy())
			.pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		server,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
