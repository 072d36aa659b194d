/**
 * `npm run build`'s publishing rule: Astro builds (with the integration's validation and
 * post-build steps) into a staging directory under .tmp/, and only a build whose every step
 * succeeded replaces the output directory. Whatever fails (content errors, a page, the
 * search index, the PDFs, an interrupt), the previous output stays as it was and the staging
 * directory is removed: on the way out of this function, and on process exit or a signal.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../content/paths.ts';
import { scrubViteEnv } from './clean-env.ts';

/** How long the build took, for the closing line. */
export interface BuildOutcome {
	seconds: number;
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
	try {
		mkdirSync(path.dirname(staging), { recursive: true });
		process.env.COMPENDIUM_OUT_DIR = staging;
		process.env.COMPENDIUM_CACHE_DIR ??= path.resolve(PROJECT_ROOT, 'node_modules/.astro');
		const { build } = await import('astro');
		await build({ root: PROJECT_ROOT, logLevel: options.logLevel ?? 'info' });
		const previous = `${outDir}.previous-${process.pid}`;
		if (existsSync(outDir)) renameSync(outDir, previous);
		renameSync(staging, outDir);
		rmSync(previous, { recursive: true, force: true });
		return { seconds: (performance.now() - started) / 1000 };
	} finally {
		cleanUp();
		process.off('exit', cleanUp);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}
