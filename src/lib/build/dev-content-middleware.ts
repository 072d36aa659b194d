/**
 * Astro middleware, registered by the integration in `astro dev` only: while the content
 * has errors (see dev-content.ts), every page answers with Astro's error overlay for the
 * first of them instead of rendering from the last good content.
 */
import { defineMiddleware } from 'astro/middleware';

const CONTENT_ERROR_SLOT = Symbol.for('case-compendium.dev-content-error');

/** Throws the current content error, if any, so Astro shows it; otherwise renders the page. */
export const onRequest = defineMiddleware((_context, next) => {
	const error = (globalThis as { [CONTENT_ERROR_SLOT]?: Error })[CONTENT_ERROR_SLOT];
	if (error) throw error;
	return next();
});
