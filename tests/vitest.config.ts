/**
 * Two projects: `unit` for pure code (fast, no build), `site` for tests over the built
 * sample compendium and in the real browser (one build for all of them, served by each
 * vitest process that runs site files).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		// Two workers for the unit files. The site files run one at a time (below); `npm test` runs
		// them in two vitest processes beside the unit one (scripts/test.ts), since vitest runs a
		// project without file parallelism only after all the others.
		maxWorkers: 2,
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// npm test runs this project beside the two site chains (scripts/test.ts), so a test that
					// starts a few CLI processes shares the cores with builds and browsers: a time limit, not a
					// speed check, with room for that.
					testTimeout: 120_000,
				},
			},
			{
				test: {
					name: 'site',
					include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/global-setup.ts'],
					// A limit for a test that hangs, not a speed check: the two site chains and the unit files
					// share the cores, and a browser test that types a dozen queries waits on all of them.
					testTimeout: 300_000,
					hookTimeout: 600_000,
					fileParallelism: false,
					// Browser tests of independent pages (describe.concurrent) run this many at a time in one
					// file: a page waits on the server and the browser, so two cores keep more than two busy.
					maxConcurrency: 4,
				},
			},
		],
	},
});
