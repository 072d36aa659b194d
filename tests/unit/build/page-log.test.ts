/**
 * The build's log destination: the two lines Astro writes per page copied from the
 * incremental cache are dropped; rendered pages, their render times and every other line
 * pass through in order, colours or not.
 */
import { describe, expect, it } from 'vitest';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import { withoutCopiedPages } from '../../../src/lib/build/page-log.mjs';

/** A destination that keeps what it is given, as Astro's terminal would show it. */
function recorder(): AstroLoggerDestination & { text: () => string } {
	const written: AstroLoggerMessage[] = [];
	return {
		write: (event) => void written.push(event),
		text: () => written.map((e) => `${e.label && e.label !== 'SKIP_FORMAT' ? `[${e.label}] ` : ''}${e.message}${e.newLine ? '\n' : ''}`).join(''),
	};
}

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({ label, level: 'info', message, newLine });
const page = (file: string) => info(null, `  ├─ ${file}`, false);

describe('the build log', () => {
	it("drops copied pages' lines and keeps rendered pages and Astro's own lines", () => {
		const out = recorder();
		const log = withoutCopiedPages(out);
		for (const event of [
			info('SKIP_FORMAT', '\n generating static routes '),
			page('/zh-hans/cases/a/index.html'),
			info('SKIP_FORMAT', ' (restored)'),
			page('/zh-hans/cases/b/index.html'),
			info('SKIP_FORMAT', ' \x1b[32m(cached)\x1b[39m'),
			page('/zh-hans/cases/c/index.html'),
			info('SKIP_FORMAT', ' (+12ms) '),
			info('build', 'Pruned 2 stale file(s) from the incremental cache.'),
			info(null, '✓ Completed in 1.2s.\n'),
		])
			log.write(event);
		expect(out.text()).toBe(
			'\n generating static routes \n  ├─ /zh-hans/cases/c/index.html (+12ms) \n[build] Pruned 2 stale file(s) from the incremental cache.\n✓ Completed in 1.2s.\n\n',
		);
	});

	it('keeps pages rendered side by side, whose lines interleave, as Astro writes them', () => {
		const out = recorder();
		const log = withoutCopiedPages(out);
		for (const event of [
			page('/a/'),
			page('/b/'),
			info('SKIP_FORMAT', ' (restored)'),
			info('SKIP_FORMAT', ' (+3ms) '),
			page('/c/'),
			info('SKIP_FORMAT', ' (+5ms) '),
		])
			log.write(event);
		// /b/ was copied: its pair goes; /a/ and /c/ were rendered.
		expect(out.text()).toBe('  ├─ /a/ (+3ms) \n  ├─ /c/ (+5ms) \n');
	});

	it('writes a page line still held when the log is flushed', async () => {
		const out = recorder();
		const log = withoutCopiedPages(out);
		log.write(page('/a/'));
		expect(out.text()).toBe('');
		await log.flush?.();
		expect(out.text()).toBe('  ├─ /a/');
	});

	it('passes warnings and errors through at once', () => {
		const out = recorder();
		const log = withoutCopiedPages(out);
		log.write({ label: 'build', level: 'warn', message: 'Could not prune stale incremental cache file x', newLine: true });
		expect(out.text()).toBe('[build] Could not prune stale incremental cache file x\n');
	});
});
