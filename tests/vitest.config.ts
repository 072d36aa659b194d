/**
 * Two projects: `unit` for pure code (fast, no build), `site` for tests over the built
 * sample compendium and in the real browser (one build and one server for all of them).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		// Vitest's default on a 2-core machine is one worker for the whole run, which ran the unit
		// files only after every site file. Two let the unit files run while the site files (one at a
		// time, below) wait on builds, the server and the browser.
		maxWorkers: 2,
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'site',
					include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/support/global-setup.ts'],
					testTimeout: 120_000,
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
