/** Progress lines: redrawn in place on a terminal, a step line per tenth elsewhere. */
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';
import { formatDuration, progress } from '../../../src/lib/progress.ts';

function recorder() {
	const out: string[] = [];
	return { out, stream: { write: (text: string) => out.push(text) > 0 } };
}

describe('progress', () => {
	afterEach(() => setMessageLanguage('zh'));

	it('speaks Chinese by default: step lines with rate and time left, and a last line with the total time', () => {
		setMessageLanguage('zh');
		const { out, stream } = recorder();
		let clock = 0;
		const p = progress('搜索索引', 20, { stream, interactive: false, now: () => clock, unit: '个案例' });
		for (let i = 0; i < 20; i++) {
			clock += 500; // 2 cases a second
			p.tick();
		}
		p.finish();
		expect(out[0]).toBe('搜索索引：2/20（10%），每秒 2.0 个案例，约需 9 秒\n');
		expect(out.at(-1)).toBe('搜索索引：20/20，用时 10 秒\n');
		expect(formatDuration(125)).toBe('2 分 05 秒');
		expect(formatDuration(3780)).toBe('1 小时 03 分');
	});

	it('writes plain step lines at each tenth outside a terminal, with rate and time left, and a last line at the end', () => {
		setMessageLanguage('en');
		const { out, stream } = recorder();
		let clock = 0;
		const p = progress('search index', 100, { stream, interactive: false, now: () => clock, unit: 'cases' });
		for (let i = 0; i < 100; i++) {
			clock += 100; // 10 cases a second
			p.tick();
		}
		p.finish();
		expect(out).toHaveLength(10);
		expect(out[0]).toBe('search index: 10/100 (10%), 10 cases/s, 9 s left\n');
		expect(out[8]).toBe('search index: 90/100 (90%), 10 cases/s, 1 s left\n');
		expect(out[9]).toBe('search index: 100/100 in 10 s\n');
	});

	it('redraws one line on a terminal, at most ten times a second, and ends it with the total time', () => {
		setMessageLanguage('en');
		const { out, stream } = recorder();
		let clock = 0;
		const p = progress('PDF', 1000, { stream, interactive: true, now: () => clock });
		for (let i = 0; i < 1000; i++) {
			clock += 10;
			p.tick();
		}
		p.finish();
		expect(out.length).toBeGreaterThan(50);
		expect(out.length).toBeLessThan(120);
		expect(out.every((line) => line.startsWith('\r\x1b[2K'))).toBe(true);
		expect(out.at(-2)).toContain('PDF: 1000/1000 (100%)');
		expect(out.at(-1)).toBe('\r\x1b[2KPDF: 1000/1000 in 10 s\n');
	});

	it('stays quiet outside a terminal when the work is done within a second', () => {
		const { out, stream } = recorder();
		let clock = 0;
		const p = progress('搜索索引', 8, { stream, interactive: false, now: () => clock });
		for (let i = 0; i < 8; i++) {
			clock += 10;
			p.tick();
		}
		p.finish();
		expect(out).toEqual([]);
	});

	it('reads durations the way people say them', () => {
		setMessageLanguage('en');
		expect(formatDuration(8.4)).toBe('8 s');
		expect(formatDuration(125)).toBe('2 min 05 s');
		expect(formatDuration(3780)).toBe('1 h 03 min');
	});
});
