import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildsLastBuild, rememberBuild } from '../../../src/lib/build/incremental.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const cacheDir = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'last-build-'));
	dirs.push(dir);
	return dir;
};

describe('rebuildsLastBuild', () => {
	it('is a rebuild only after a completed build with the same fingerprint, and only when incremental', () => {
		const dir = cacheDir();
		expect(rebuildsLastBuild(dir)).toBe(false);
		rememberBuild(dir);
		expect(rebuildsLastBuild(dir)).toBe(true);
		expect(rebuildsLastBuild(dir, { COMPENDIUM_INCREMENTAL: 'off' })).toBe(false);
		// The last build had other code or settings: every page is rendered again.
		writeFileSync(path.join(dir, 'compendium-last-build.txt'), 'another fingerprint');
		expect(rebuildsLastBuild(dir)).toBe(false);
	});
});
