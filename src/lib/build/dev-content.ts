/**
 * Content errors in `astro dev`: the content is validated when the server starts and after
 * every change under content/, and while it has errors every page request ends in Astro's
 * error overlay naming the first error's file and line (dev-content-middleware.ts throws it),
 * so an editor sees the problem in the browser instead of the last good version of the page.
 *
 * The integration (Node) and the middleware (run by Vite) share the current errors through
 * one global slot: they live in the same process but not in the same module graph.
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { PROJECT_ROOT, contentDir } from '../content/paths.ts';
import type { Problem } from '../content/problem.ts';
import { formatProblems, validateContent } from '../content/validate.ts';
import { buildMessages } from '../i18n/messages/index.ts';

/** The global slot the middleware reads. */
export const CONTENT_ERROR_SLOT = Symbol.for('case-compendium.dev-content-error');

/** What the overlay shows: Astro renders `title`, `message`, `hint` and the code around `loc`. */
export interface ContentErrorOverlay extends Error {
	title: string;
	hint: string;
	loc: { file: string; line: number; column: number };
}

/** The overlay error for a list of content errors (the first one located, all of them listed). */
export function contentErrorOverlay(errors: readonly Problem[]): ContentErrorOverlay {
	const first = errors[0]!;
	const error = new Error(formatProblems(errors)) as ContentErrorOverlay;
	error.name = 'ContentError';
	error.title = buildMessages.contentErrorsTitle(errors.length);
	error.hint = buildMessages.contentErrorsHint();
	error.loc = { file: path.resolve(PROJECT_ROOT, first.file), line: first.line ?? 1, column: 1 };
	// The stack would point into this module, not at the content: the location says where.
	error.stack = '';
	return error;
}

type Slot = { [CONTENT_ERROR_SLOT]?: ContentErrorOverlay | undefined };

/** Validates now and after each change under content/; `onChange` runs after each revalidation. */
export function watchContent(server: ViteDevServer, logger: AstroIntegrationLogger, onChange: () => void): void {
	const root = contentDir();
	const slot = globalThis as Slot;
	let reported = '';
	const validate = () => {
		const errors = validateContent().problems.filter((p) => p.severity === 'error');
		slot[CONTENT_ERROR_SLOT] = errors.length ? contentErrorOverlay(errors) : undefined;
		const now = errors.length ? formatProblems(errors) : '';
		if (now !== reported) {
			if (now) logger.error(`${buildMessages.devContentErrors(errors.length)}\n${now}`);
			else if (reported) logger.info(buildMessages.devContentFixed());
			reported = now;
		}
	};
	validate();
	let timer: NodeJS.Timeout | undefined;
	server.watcher.add(root);
	server.watcher.on('all', (_event, file) => {
		if (path.relative(root, file).startsWith('..')) return;
		clearTimeout(timer);
		// Editors save several files at once (a case and its issue): validate once for all.
		timer = setTimeout(() => {
			validate();
			onChange();
		}, 150);
	});
}
