/**
 * The printer replaces Paged.js's layout loop with a copy that can go back a few pages
 * (rewinding-layout.ts) and its queue's animation-frame tick (printer.ts). Both copy Paged.js
 * 0.4.3's internals: an upgrade must be checked against them, not taken silently. The pages
 * they give are compared with a second layout's by the print-layout site test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewindingLayout } from '../../../src/lib/print/rewinding-layout.ts';

const require = createRequire(import.meta.url);
const polyfill = readFileSync(path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js'), 'utf8');

describe('the Paged.js internals the printer relies on', () => {
	it('lays out with the Chunker.layout loop rewindingLayout copies (pagedjs 0.4.3)', () => {
		const start = polyfill.indexOf('\t\tasync *layout(content, startAt) {');
		const end = polyfill.indexOf('\t\trecoredCharLength(', start);
		expect(start, 'Chunker.layout').toBeGreaterThan(0);
		const digest = createHash('sha256').update(polyfill.slice(start, end)).digest('hex');
		expect(digest, 'Paged.js changed its layout loop: bring rewinding-layout.ts in line, then update this digest').toBe(
			'b017f64be6dd3904258886548ea3ab15cf2f96780091abe74e964681d2038bfa',
		);
	});

	it('ticks its layout queue on animation frames and exposes it as PagedPolyfill.chunker.q', () => {
		expect(polyfill).toContain('this.tick = requestAnimationFrame;');
		expect(polyfill).toContain('global.PagedPolyfill = factory()');
		expect(polyfill).toContain('this.q = new Queue(this);');
	});

	it('installs as page text: the copy is a plain async generator that names nothing outside itself but window', () => {
		const text = rewindingLayout.toString();
		expect(text.startsWith('async function*')).toBe(true);
		// Evaluated on its own, as the print page's init script does, it still parses.
		expect(() => new Function(`return (${text});`)).not.toThrow();
	});
});
