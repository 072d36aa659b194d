/** The post-build steps' store: what is written is read back, unused entries are pruned, and names cannot leave the folder. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

	it('links an entry into the site as the entry itself, and a later write of the entry leaves the linked file as it was', () => {
		const cache = new StepCache(path.join(work, 'links'));
		cache.write('ee55.pdf', 'first bytes');
		const site = path.join(work, 'links-site');
		mkdirSync(site, { recursive: true });
		const target = path.join(site, 'a.pdf');
		writeFileSync(target, 'printed earlier');
		expect(cache.has('ee55.pdf')).toBe(true);
		expect(cache.linkTo('ee55.pdf', target)).toBe(true);
		expect(readFileSync(target, 'utf8')).toBe('first bytes');
		expect(statSync(target).nlink, 'a hard link, not a copy').toBe(2);
		// The cache replaces an entry, never writes through it: the site's link keeps its bytes.
		cache.write('ee55.pdf', 'second bytes');
		expect(readFileSync(target, 'utf8')).toBe('first bytes');
		expect(cache.read('ee55.pdf')?.toString()).toBe('second bytes');
	});

	it('leaves the target untouched when there is no such entry, and keeps a linked entry from pruning', () => {
		const dir = path.join(work, 'links-missing');
		const cache = new StepCache(dir);
		cache.write('ff66.pdf', 'kept');
		const next = new StepCache(dir);
		const target = path.join(work, 'links-missing-target.pdf');
		writeFileSync(target, 'mine');
		expect(next.has('aa00.pdf')).toBe(false);
		expect(next.linkTo('aa00.pdf', target)).toBe(false);
		expect(readFileSync(target, 'utf8')).toBe('mine');
		expect(next.linkTo('ff66.pdf', target)).toBe(true);
		expect(next.prune()).toBe(0);
		expect(existsSync(path.join(dir, 'ff', 'ff66.pdf'))).toBe(true);
	});
});
