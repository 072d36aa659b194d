/**
 * `npm run build`'s publishing rule: Astro builds (with the integration's validation) into a
 * staging directory under .tmp/, the post-build steps run over it once Astro's build has
 * returned (deferred-steps.ts), and only a build whose every step
 * succeeded replaces the output directory. Whatever fails (content errors, a page, the
 * search index, the PDFs, an interrupt), the previous output stays as it was and the staging
 * directory is removed: on the way out of this function, and on process exit or a signal.
 *
 * The previous output, renamed aside by the swap, is removed by a process of its own that
 * outlives the build: at 10,000 cases it is over 100,000 files, and deleting them took
 * longer than an incremental rebuild itself (38 s at 2,000 cases on this project's
 * machine). The new output is complete and in place before that starts; a removal cut
 * short (machine stopped) is finished by the next build.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { removeInBackground } from '../files/remove-in-background.ts';
import path from 'node:path';
import { styleText } from 'node:util';
import { UserError } from '../cli/command.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import { buildMessages } from '../i18n/messages/index.ts';
import { scrubViteEnv } from './clean-env.ts';
import { ContentErrors } from './content-gate.ts';
import { deferPostBuildSteps } from './deferred-steps.ts';
import { incrementalEnabled, rememberBuild } from './incremental.ts';
import { cachedPagesDir, linkCachedPagesInBackground, removeUnbuiltPages, type LinkedPages } from './linked-pages.ts';
import { writePagesInWorker } from './page-writer.ts';
import { announceLinking } from './pages-ready.ts';
import { watchWrites } from './written-files.ts';
import { tuneGarbageCollection } from './gc-tuning.ts';

/** Folders the build reads from: never a place to publish to. */
const SOURCE_DIRS = ['content', 'src', 'scripts', 'tests', 'public', 'node_modules', '.git'];

const isWithin = (dir: string, parent: string) => {
	const relative = path.relative(parent, dir);
	return !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** How long the build took, for the closing line. */
export interface BuildOutcome {
	seconds: number;
}

/**
 * What a previous output is renamed to while it is removed: `<outDir>.previous-<pid>-<ms>`. The
 * time makes the name unique: a container's build may get the same pid as one whose removal
 * a stopped machine never finished, and renaming onto that folder would fail.
 */
const PREVIOUS = '.previous-';

/** Previous outputs of `outDir` set aside by the swap: this build's, and any whose removal an earlier build never finished. */
export function leftoverPrevious(outDir: string): string[] {
	const prefix = `${path.basename(outDir)}${PREVIOUS}`;
	const parent = path.dirname(outDir);
	if (!existsSync(parent)) return [];
	return readdirSync(parent)
		.filter((name) => name.startsWith(prefix) && /^\d+(?:-\d+)?$/.test(name.slice(prefix.length)))
		.map((name) => path.join(parent, name));
}

/**
 * Builds the site into `outDir` atomically. Throws what the build threw (the staging
 * directory already removed); `outDir` is then untouched.
 */
export async function buildAtomically(outDir: string, options: { logLevel?: 'info' | 'warn' | 'error' } = {}): Promise<BuildOutcome> {
	const started = performance.now();
	const staging = path.resolve(PROJECT_ROOT, '.tmp', `build-${process.pid}`);
	const cleanUp = () => rmSync(staging, { recursive: true, force: true });
	const onSignal = (signal: NodeJS.Signals) => {
		cleanUp();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.on('exit', cleanUp);
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	scrubViteEnv(process.env);
	// Astro's config reads the output folder from here; put it back afterwards so a preview in the
	// same process (npm start) serves the published folder, not the removed staging one.
	const outDirBefore = process.env.COMPENDIUM_OUT_DIR;
	try {
		// A folder of this name can only be left by a build that was killed: not a fresh start.
		cleanUp();
		mkdirSync(staging, { recursive: true });
		process.env.COMPENDIUM_OUT_DIR = staging;
		process.env.COMPENDIUM_CACHE_DIR ??= path.resolve(PROJECT_ROOT, 'node_modules/.astro');
		const cacheDir = path.resolve(PROJECT_ROOT, process.env.COMPENDIUM_CACHE_DIR);
		tuneGarbageCollection(cacheDir);
		const { build } = await import('astro');
		// Pages the last build rendered are linked in place, in a worker thread while Astro starts;
		// the integration waits for them before Astro makes any page (linked-pages.ts, pages-ready.ts).
		const linking = incrementalEnabled() ? linkCachedPagesInBackground(cacheDir, staging) : undefined;
		const unannounce = linking ? announceLinking(linking) : undefined;
		// Steps may start on a page as soon as Astro has written it (written-files.ts: the PDFs, print/alongside.ts).
		// Installed before the page writer below, which is restored first.
		const watch = watchWrites(staging);
		// Astro's page writes are made by a worker thread; a page it renders is one file shared with its
		// cache copy, never written through (page-writer.ts, linked-pages.ts).
		const writer = writePagesInWorker({ pages: staging, ...(incrementalEnabled() ? { cache: cachedPagesDir(cacheDir) } : {}) });
		// The PDFs are made once Astro's build has returned (deferred-steps.ts), those of issues whose print
		// pages Astro made beside it (print/alongside.ts); the search index, which reads only the content,
		// is made beside it (steps-alongside.ts).
		const postBuild = deferPostBuildSteps();
		let linked: LinkedPages | undefined;
		let unwritten: unknown;
		try {
			try {
				// Astro empties its output folder before it builds unless told not to: the staging folder
				// is new, and holds only the pages being linked and what the steps beside the build write.
				await build({ root: PROJECT_ROOT, logLevel: options.logLevel ?? 'info', vite: { build: { emptyOutDir: false } } });
				linked = await linking;
			} finally {
				postBuild.cancel();
				// Every queued page lands before the steps read the pages; a write that failed fails the build
				// (after a failure of Astro's own, which is the one reported).
				unwritten = await writer.close().then(
					() => undefined,
					(error: unknown) => error,
				);
				watch.restore();
				unannounce?.();
				// Nothing may still be linking into the staging folder when it is removed.
				await linking?.catch(() => undefined);
			}
			if (unwritten) throw unwritten;
			if (linked) removeUnbuiltPages(linked, writer.written, cacheDir, staging);
			await postBuild.run();
		} catch (error) {
			// Nothing may still write into the staging folder once it is removed.
			await postBuild.abort();
			throw error;
		}
		const previous = `${outDir}${PREVIOUS}${process.pid}-${Date.now()}`;
		if (existsSync(outDir)) renameSync(outDir, previous);
		renameSync(staging, outDir);
		rememberBuild(cacheDir);
		removeInBackground(leftoverPrevious(outDir));
		return { seconds: (performance.now() - started) / 1000 };
	} finally {
		if (outDirBefore === undefined) delete process.env.COMPENDIUM_OUT_DIR;
		else process.env.COMPENDIUM_OUT_DIR = outDirBefore;
		cleanUp();
		process.off('exit', cleanUp);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}

/**
 * What an editor needs from a failure's message: the bundler's "Build failed with 1 error:"
 * header and stack frames dropped, so a content error raised while compiling (an unsafe MDX
 * body: file:line:column and what to write instead) is shown in full, other causes in one line.
 */
function reasonOf(detail: string): string {
	const lines = detail
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !/^Build failed with \d+ errors?:?$/.test(line) && !/^at /.test(line));
	const unsafe = lines.findIndex((line) => line.startsWith('MDXError: '));
	if (unsafe >= 0)
		return lines
			.slice(unsafe)
			.join('\n')
			.replace(/^MDXError: /, '');
	return lines[0] ?? detail.trim();
}

/**
 * {@link buildAtomically} for a command: prints the closing line, and turns any failure into
 * a {@link UserError} of one line (content errors were already listed by file and line).
 */
export async function publishSite(outDir: string): Promise<void> {
	const relative = path.relative(PROJECT_ROOT, outDir);
	const shown = relative && !relative.startsWith('..') ? relative : outDir;
	// The swap renames the output directory away: never the project, its parents or its sources.
	if (isWithin(PROJECT_ROOT, outDir) || SOURCE_DIRS.some((dir) => isWithin(outDir, path.join(PROJECT_ROOT, dir)))) {
		throw new UserError(buildMessages.outInsideProject(shown), 2);
	}
	try {
		const { seconds } = await buildAtomically(outDir, { logLevel: process.env.CI ? 'warn' : 'info' });
		console.log(styleText('green', buildMessages.built(shown, seconds)));
	} catch (error) {
		if (error instanceof ContentErrors) throw new UserError(error.message);
		// The cause's first line: a browser's launch log or a bundler's code frame is for DEBUG=1.
		const detail = error instanceof Error ? error.message : String(error);
		if (process.env.DEBUG) console.error(error);
		throw new UserError(buildMessages.buildFailed(shown, reasonOf(detail)));
	}
}
