/**
 * The output swap's clean-up: the previous output, renamed aside, is found with any an
 * earlier build left behind (and nothing else beside it), and removed by a detached process.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leftoverPrevious } from '../../../src/lib/build/atomic-build.ts';
import { removeInBackground } from '../../../src/lib/files/remove-in-background.ts';

let parent: string;
beforeEach(() => void (parent = mkdtempSync(path.join(tmpdir(), 'atomic-build-'))));
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('the previous output', () => {
	it('is found by its name beside the output, and only it', () => {
		for (const name of [
			'dist',
			'dist.previous-12',
			'dist.previous-345-1764190000000',
			'dist.previous-x',
			'dist.previous-3-x',
			'dist-2.previous-6',
			'site.previous-7',
		])
			mkdirSync(path.join(parent, name));
		expect(leftoverPrevious(path.join(parent, 'dist')).sort()).toEqual([
			path.join(parent, 'dist.previous-12'),
			path.join(parent, 'dist.previous-345-1764190000000'),
		]);
		expect(leftoverPrevious(path.join(parent, 'missing', 'dist'))).toEqual([]);
	});

	it('is removed by a process the build does not wait for', async () => {
		const previous = path.join(parent, 'dist.previous-1');
		mkdirSync(path.join(previous, 'zh-hans', 'cases'), { recursive: true });
		writeFileSync(path.join(previous, 'zh-hans', 'cases', 'index.html'), '<p>旧</p>');
		removeInBackground([previous]);
		const deadline = Date.now() + 20_000;
		while (existsSync(previous) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(existsSync(previous)).toBe(false);
		expect(existsSync(parent)).toBe(true);
	});
});
