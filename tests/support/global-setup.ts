/**
 * Builds the sample compendium once (with `npm run build`'s own script, so the tests
 * see exactly what a user publishes) and serves it on 127.0.0.1 for browser tests.
 * SITE_DIR=<dir> skips the build and tests an existing one. Under CI=true a site without
 * PDFs (no Chromium or print fonts) fails here instead of quietly testing less.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
	// A build without Chromium or the print fonts skips the PDFs with a notice; in CI that is a failure.
	if (process.env.CI && !existsSync(path.join(process.env.SITE_DIR, 'pdf'))) {
		throw new Error(`CI: the site in ${process.env.SITE_DIR} has no PDFs: install Chromium and the print fonts (see .ci/run), then run again`);
	}
	server = await serveStatic(process.env.SITE_DIR);
	process.env.SITE_URL = server.url;
}

export async function teardown() {
	await server?.close();
}
