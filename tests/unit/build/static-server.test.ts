/**
 * The static server used by printing and the browser tests: it serves the site and
 * nothing beside it, and a hostile or broken request path costs one 404, never the process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../src/lib/build/static-server.ts';

let work: string;
let server: StaticServer;

beforeAll(async () => {
	work = mkdtempSync(path.join(tmpdir(), 'static-server-'));
	const site = path.join(work, 'site');
	mkdirSync(path.join(site, 'zh-hans'), { recursive: true });
	writeFileSync(path.join(site, 'zh-hans', 'index.html'), '<p>home</p>');
	writeFileSync(path.join(site, '404.html'), '<p>not found page</p>');
	// A sibling whose name starts with the root's name: a string-prefix check lets it through.
	mkdirSync(path.join(work, 'site-evil'));
	writeFileSync(path.join(work, 'site-evil', 'secret.txt'), 'SECRET');
	writeFileSync(path.join(work, 'secret.txt'), 'SECRET');
	server = await serveStatic(site, { base: '/dxal' });
});

afterAll(async () => {
	await server.close();
	rmSync(work, { recursive: true, force: true });
});

const get = (pathname: string) => fetch(new URL(pathname, server.url).origin + pathname, { redirect: 'manual' });

describe('serveStatic', () => {
	it('serves pages under the base, redirects a directory without its slash, and 404s with the site page', async () => {
		const page = await get('/dxal/zh-hans/');
		expect(page.status).toBe(200);
		expect(await page.text()).toBe('<p>home</p>');
		const bare = await get('/dxal/zh-hans');
		expect(bare.status).toBe(301);
		expect(bare.headers.get('location')).toBe('/dxal/zh-hans/');
		const missing = await get('/dxal/nope/');
		expect(missing.status).toBe(404);
		expect(await missing.text()).toBe('<p>not found page</p>');
	});

	it.each(['/dxal/..%2Fsite-evil/secret.txt', '/dxal/..%2F..%2Fsite-evil%2Fsecret.txt', '/dxal/%2E%2E%2Fsecret.txt', '/dxal/..%5Csecret.txt'])(
		'never serves a file outside the root: %s',
		async (pathname) => {
			const response = await get(pathname);
			expect(response.status).toBe(404);
			expect(await response.text()).not.toContain('SECRET');
		},
	);

	it('answers a malformed escape with a 404 and keeps serving', async () => {
		const response = await get('/dxal/%E0%A4%A');
		expect(response.status).toBe(404);
		expect((await get('/dxal/zh-hans/')).status).toBe(200);
	});

	it('serves a mount beside the site from its own folder, only the names the mount accepts, and the site page never for them', async () => {
		const fonts = path.join(work, 'fonts');
		mkdirSync(fonts, { recursive: true });
		writeFileSync(path.join(fonts, 'face.woff2'), 'FONT');
		const mounted = await serveStatic(path.join(work, 'site'), {
			base: '/dxal',
			mounts: [
				{
					prefix: '/dxal/__print/',
					file: (relative) => (/^fonts\/[\w.-]+\.woff2$/.test(relative) ? path.join(fonts, relative.slice('fonts/'.length)) : undefined),
					cacheControl: 'max-age=3600',
				},
			],
		});
		try {
			const at = (pathname: string) => fetch(new URL(mounted.url).origin + pathname, { redirect: 'manual' });
			const face = await at('/dxal/__print/fonts/face.woff2');
			expect(face.status).toBe(200);
			expect(await face.text()).toBe('FONT');
			expect(face.headers.get('content-type')).toBe('font/woff2');
			expect(face.headers.get('cache-control')).toBe('max-age=3600');
			for (const pathname of ['/dxal/__print/fonts/none.woff2', '/dxal/__print/..%2Fsecret.txt', '/dxal/__print/fonts/..%2F..%2Fsecret.txt']) {
				const response = await at(pathname);
				expect(response.status, pathname).toBe(404);
				expect(await response.text()).toBe('Not found');
			}
			expect((await at('/dxal/zh-hans/')).status, 'the site is served as before').toBe(200);
		} finally {
			await mounted.close();
		}
	});
});
