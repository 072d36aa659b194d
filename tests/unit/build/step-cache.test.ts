/** The post-build steps' store: what is written is read back, unused entries are pruned, and names cannot leave the folder. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StepCache } from '../../../src/lib/build/step-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'step-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('StepCache', () => {
	it('reads back what a previous build wrote, and prunes what this build did not use', () => {
		const dir = path.join(work, 'store');
		const before = new StepCache(dir);
		before.write('aa11.json', '{"a":1}');
		before.write('bb22.pdf', Buffer.from([1, 2, 3]));
		expect(before.prune()).toBe(0);

		const next = new StepCache(dir);
		expect(next.read('aa11.json')?.toString()).toBe('{"a":1}');
		expect(next.read('cc33.json')).toBeUndefined();
		next.write('dd44.json', '{}');
		expect(next.prune()).toBe(1);
		expect(new StepCache(dir).read('bb22.pdf')).toBeUndefined();
		expect(new StepCache(dir).read('dd44.json')?.toString()).toBe('{}');
	});

	it('refuses names that are not plain file names', () => {
		const cache = new StepCache(path.join(work, 'names'));
		expect(() => cache.write('../escape', 'x')).toThrow(/unusable entry name/);
		expect(existsSync(path.join(work, 'escape'))).toBe(false);
	});

	it('prunes nothing when the folder does not exist yet', () => {
		expect(new StepCache(path.join(work, 'missing')).prune()).toBe(0);
	});
});
