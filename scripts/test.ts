/**
 * `npm test`: the static gates (types with `astro check`, ESLint, Prettier), then every
 * vitest project (unit, then the site build and browser tests), then one plain closing
 * line "N passed, N failed" that CI reads. Each static gate counts as one test; the gates
 * run at the same time (their outputs are printed one after another).
 *
 *   npm test -- --project unit     only the pure-code tests (no static gates)
 */
import { spawn, spawnSync } from 'node:child_process';
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

/** Runs `command` with its output kept (stdout and stderr in the order they came) and its time, for printing later. */
function runQuietly(command: string[]): Promise<{ status: number; output: string; seconds: number }> {
	const started = performance.now();
	return new Promise((resolve) => {
		const done = (status: number, output: string) => resolve({ status, output, seconds: (performance.now() - started) / 1000 });
		const child = spawn(process.execPath, command, { cwd: PROJECT_ROOT, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', (error) => done(1, `${output}${error.message}\n`));
		child.on('close', (code) => done(code ?? 1, output));
	});
}

if (!args.includes('--project')) {
	// The gates are independent and mostly single-threaded: they run side by side, and each one's
	// output is printed whole, in the usual order, once it has finished.
	const results = gates.map(([, command]) => runQuietly(command));
	for (const [index, [name]] of gates.entries()) {
		const { status, output, seconds } = await results[index]!;
		console.log(`\n== ${name} (${seconds.toFixed(1)} s)`);
		process.stdout.write(output);
		if (status === 0) passed++;
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
