// @ts-check
/**
 * Astro's log destination for this project (astro.config.mjs `logger`): Astro's own terminal
 * output, less the two lines it writes for every page an incremental build copies from its
 * cache ("├─ /zh-hans/cases/case-00001/index.html" then "(restored)"). A rebuild of a
 * 10,000-case compendium copies about 52,000 pages, so those lines were 104,000 writes of
 * a timestamped line that no one reads; the build's reuse line counts them instead
 * (src/lib/build/incremental.ts). Every other line passes through as Astro writes it,
 * pages that are rendered included, so a rebuild's log lists exactly the pages it made.
 *
 * JavaScript, not TypeScript: Astro loads a logger entrypoint before any TypeScript
 * loader, and falls back to its default logger when it cannot.
 */
import nodeLogDestination from 'astro/logger/node';

/** The suffix Astro writes after a page it copied from the incremental cache (astro/dist/core/build/generate.js). */
const COPIED = /\((?:restored|cached)\)/;

/**
 * @typedef {import('astro').AstroLoggerDestination} Destination
 * @typedef {Parameters<Destination['write']>[0]} LogEvent
 */

/**
 * A destination that drops the line pairs of pages copied from the cache and hands every
 * other event to `inner` in order. A page's line is held until the next event shows whether
 * its suffix says it was copied.
 *
 * @param {Destination} inner
 * @returns {Destination}
 */
export function withoutCopiedPages(inner) {
	/** @type {LogEvent | undefined} */
	let held;
	return {
		write(event) {
			const page = held;
			held = undefined;
			if (page) {
				if (event.label === 'SKIP_FORMAT' && COPIED.test(event.message)) return;
				inner.write(page);
			}
			// A page's line ends without a newline; its suffix (copied, or the render time) follows.
			if (event.level === 'info' && !event.label && event.newLine === false) held = event;
			else inner.write(event);
		},
		flush: () => {
			if (held) inner.write(held);
			held = undefined;
			inner.flush?.();
		},
		close: () => inner.close?.(),
	};
}

/**
 * Astro's logger entrypoint: its terminal destination without the copied pages' lines.
 *
 * @param {{ level?: 'debug' | 'info' | 'warn' | 'error' | 'silent' } | undefined} config
 * @returns {Destination}
 */
export default function pageLog(config) {
	return withoutCopiedPages(nodeLogDestination(config));
}
