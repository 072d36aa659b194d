/**
 * `npm test`: every vitest project (unit, then the site build and browser tests), then
 * one plain closing line "N passed, N failed" that CI reads.
 *
 *   npm test -- --project unit     only the pure-code tests
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';

const report = path.join(PROJECT_ROOT, '.tmp', 'vitest-report.json');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });
const vitest = path.join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
	process.execPath,
	[
		vitest,
		'run',
		'--config',
		'tests/vitest.config.ts',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`,
		...process.argv.slice(2),
	],
	{ cwd: PROJECT_ROOT, stdio: 'inherit', env: process.env },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
	const result = JSON.parse(readFileSync(report, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	passed = result.numPassedTests;
	failed = result.numFailedTests;
	skipped = result.numPendingTests + result.numTodoTests;
}
const status = run.status ?? 1;
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status);
