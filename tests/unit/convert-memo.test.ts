import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetConversions, memoized, saveConversions, useSavedConversions } from '../../src/lib/convert/conversion-memo.ts';
import { buildPipeline } from '../../src/lib/convert/opencc-pipeline.ts';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'conversion-memo-'));
	dirs.push(dir);
	return dir;
}

afterEach(() => {
	forgetConversions();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('memoized conversion', () => {
	it('converts each distinct text once per process', () => {
		const convert = vi.fn((text: string) => text.toUpperCase());
		const memo = memoized('fp-once', convert);
		expect(memo('ab')).toBe('AB');
		expect(memo('ab')).toBe('AB');
		expect(memo('cd')).toBe('CD');
		expect(convert).toHaveBeenCalledTimes(2);
	});

	it('keeps pipelines apart by fingerprint', () => {
		expect(memoized('fp-a', () => 'A')('x')).toBe('A');
		expect(memoized('fp-b', () => 'B')('x')).toBe('B');
	});

	it('reads back in the next build what this build saved, and converts only new texts', () => {
		const dir = tempDir();
		useSavedConversions(dir);
		memoized('fp-saved', (text) => `${text}!`)('头发');
		expect(saveConversions()).toBe(1);

		forgetConversions(); // a new build process
		useSavedConversions(dir);
		const convert = vi.fn((text: string) => `${text}?`);
		const memo = memoized('fp-saved', convert);
		expect(memo('头发')).toBe('头发!');
		expect(memo('干部')).toBe('干部?');
		expect(convert).toHaveBeenCalledTimes(1);
	});

	it('saves only the texts this build used, and nothing without a directory', () => {
		const dir = tempDir();
		expect(saveConversions()).toBe(0);
		useSavedConversions(dir);
		const first = memoized('fp-used', (text) => text);
		first('old');
		saveConversions();
		forgetConversions();
		useSavedConversions(dir);
		memoized('fp-used', (text) => text)('new');
		expect(saveConversions()).toBe(1);
		expect(readdirSync(path.join(dir, 'conversions'))).toEqual(['fp-used.json']);
	});

	it('starts empty when the saved file is unreadable', async () => {
		const dir = tempDir();
		const { mkdirSync, writeFileSync } = await import('node:fs');
		mkdirSync(path.join(dir, 'conversions'));
		writeFileSync(path.join(dir, 'conversions', 'fp-broken.json'), '{not json');
		useSavedConversions(dir);
		expect(memoized('fp-broken', () => 'fresh')('x')).toBe('fresh');
	});
});

describe('pipeline fingerprint', () => {
	it('is stable for one configuration and differs between configurations and guards', () => {
		const a = buildPipeline('s2hk').fingerprint;
		expect(buildPipeline('s2hk').fingerprint).toBe(a);
		expect(buildPipeline('s2tw').fingerprint).not.toBe(a);
		expect(buildPipeline('s2hk', () => [['头发', '頭髮']]).fingerprint).not.toBe(a);
	});
});
