import { describe, expect, it, vi } from 'vitest';
import { caseAnchor, issueTitle, parsePrintMeta, printMeta } from '../../../src/lib/print/print-meta.ts';

describe('issueTitle', () => {
	it('joins series and 第N期 with a space', () => {
		expect(issueTitle({ series: '典型经验做法摘编', number: '第1期' })).toBe('典型经验做法摘编 第1期');
	});
	it('runs a bracketed number label on', () => {
		expect(issueTitle({ series: '典型经验做法摘编', number: '（一）' })).toBe('典型经验做法摘编（一）');
	});
});

describe('print metadata', () => {
	const meta = { title: 'T', language: 'zh-Hans', date: '2021-08-01', cases: [{ anchor: caseAnchor(0), title: '盐湖区：坚持' }] };

	it('numbers case anchors from 1', () => {
		expect(caseAnchor(0)).toBe('case-1');
		expect(caseAnchor(9)).toBe('case-10');
	});

	it('round-trips through the page JSON', () => {
		// Quotes default to “”; the 繁體 edition of a tw/hk site says corner.
		expect(parsePrintMeta(JSON.stringify(printMeta(meta)), '/x/print/')).toEqual({ ...meta, quotes: 'curly' });
		const corner = { ...meta, quotes: 'corner' as const, series: '典型经验做法摘编', number: '第1期' };
		expect(parsePrintMeta(JSON.stringify(printMeta(corner)), '/x/print/')).toEqual(corner);
	});

	it('names the page and the field when the JSON is wrong', () => {
		vi.stubEnv('COMPENDIUM_LANG', 'en');
		expect(() => parsePrintMeta(null, '/zh-hans/issues/a/print/')).toThrow(/\/zh-hans\/issues\/a\/print\/: no <script id="print-meta">/);
		expect(() => parsePrintMeta('{"cases": [', '/p/')).toThrow(/^\/p\/: the print metadata is not valid \(.*JSON/);
		expect(() => parsePrintMeta(JSON.stringify({ ...meta, cases: [{ anchor: 'has space', title: 'x' }] }), '/p/')).toThrow(
			/\/p\/: .*cases\.0\.anchor/,
		);
		vi.stubEnv('COMPENDIUM_LANG', 'zh');
		expect(() => parsePrintMeta('not json', '/p/')).toThrow(/^\/p\/：打印页的元数据不合要求/);
		vi.unstubAllEnvs();
	});
});
