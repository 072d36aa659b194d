/**
 * Builds the sample compendium once (with `npm run build`'s own script, so the tests
 * see exactly what a user publishes) and serves it on 127.0.0.1 for browser tests.
 * SITE_DIR=<dir> skips the build and tests an existing one.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serveStatic, type StaticServer } from '../../src/lib/build/static-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
let server: StaticServer | undefined;

export async function setup() {
	let siteDir = process.env.SITE_DIR;
	if (!siteDir) {
		siteDir = path.join(root, '.tmp', 'test-site');
		execFileSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', siteDir], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, COMPENDIUM_CACHE_DIR: path.join(root, '.tmp', 'test-cache') },
		});
	}
	process.env.SITE_DIR = path.resolve(root, siteDir);
	server = await serveStatic(process.env.SITE_DIR);
	process.env.SITE_URL = server.url;
}

export async function teardown() {
	await server?.close();
}
