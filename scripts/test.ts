/**
 * `npm test`: the static gates (types with `astro check`, ESLint, Prettier), then every
 * vitest project (unit, then the site build and browser tests), then one plain closing
 * line "N passed, N failed" that CI reads. Each static gate counts as one test.
 *
 *   npm test -- --project unit     only the pure-code tests (no static gates)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';

const bin = (name: string, file: string) => path.join(PROJECT_ROOT, 'node_modules', name, file);
const args = process.argv.slice(2);
const run = (command: string[]) => spawnSync(process.execPath, command, { cwd: PROJECT_ROOT, stdio: 'inherit', env: process.env }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;

const gates: Array<[string, string[]]> = [
	['typecheck (astro check)', [bin('astro', 'bin/astro.mjs'), 'check']],
	['lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.']],
	['format (prettier --check)', [bin('prettier', 'bin/prettier.cjs'), '--check', 'src', 'scripts', 'tests', 'astro.config.mjs', 'eslint.config.js']],
];
if (!args.includes('--project')) {
	for (const [name, command] of gates) {
		console.log(`\n== ${name}`);
		if (run(command) === 0) passed++;
		else {
			failed++;
			console.log(`FAILED: ${name}`);
		}
	}
}

const report = path.join(PROJECT_ROOT, '.tmp', 'vitest-report.json');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });
const status = run([
	bin('vitest', 'vitest.mjs'),
	'run',
	'--config',
	'tests/vitest.config.ts',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${report}`,
	...args,
]);

if (existsSync(report)) {
	const result = JSON.parse(readFileSync(report, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	passed += result.numPassedTests;
	failed += result.numFailedTests;
	skipped += result.numPendingTests + result.numTodoTests;
}
// A run that failed before any test could (a setup error) still counts as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : status);
