/** The bench's page-size check and its percentiles: the figures the scale goals are read from. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { percentile } from '../../../src/lib/bench/measure.ts';
import { largestPages, PAGE_SIZE_LIMIT_BYTES } from '../../../src/lib/bench/page-weight.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'page-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function page(file: string, bytes: number): void {
	mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
	writeFileSync(path.join(dir, file), 'x'.repeat(bytes));
}

describe('largestPages', () => {
	it('lists the largest HTML files first, counts every page and names those over the limit', () => {
		page('zh-hans/index.html', 2_000);
		page('zh-hans/metrics/index.html', PAGE_SIZE_LIMIT_BYTES + 1);
		page('zh-hant/metrics/index.html', PAGE_SIZE_LIMIT_BYTES);
		page('zh-hans/cases/a/index.html', 50_000);
		page('zh-hans/data/cases.json', 5_000_000);
		const sizes = largestPages(dir, 2);
		expect(sizes.pages).toBe(4);
		expect(sizes.largest).toEqual([
			{ file: 'zh-hans/metrics/index.html', bytes: PAGE_SIZE_LIMIT_BYTES + 1 },
			{ file: 'zh-hant/metrics/index.html', bytes: PAGE_SIZE_LIMIT_BYTES },
		]);
		expect(sizes.over.map((p) => p.file)).toEqual(['zh-hans/metrics/index.html']);
	});
});

describe('percentile', () => {
	const timings = Array.from({ length: 22 }, (_, i) => (i + 1) * 10);
	it('takes the nearest rank: p95 of 22 timings is the 21st, p50 the 11th', () => {
		expect(percentile(timings, 95)).toBe(210);
		expect(percentile(timings, 50)).toBe(110);
		expect(percentile(timings, 100)).toBe(220);
		expect(percentile([...timings].reverse(), 0)).toBe(10);
	});
	it('is NaN for no values', () => expect(percentile([], 95)).toBeNaN());
});
