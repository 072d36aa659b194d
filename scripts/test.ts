/**
 * `npm test`: the static gates (types with `astro check`, ESLint, Prettier) and the unit
 * project side by side, then the site project (build and browser tests), then one plain
 * closing line "N passed, N failed" that CI reads. Each static gate counts as one test; the
 * kept outputs of the gates and the unit project are printed one after another.
 *
 *   npm test -- --project unit     only the pure-code tests (no static gates)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Prints a step's kept output under its name; returns whether it passed. */
function printed(name: string, { status, output, seconds }: { status: number; output: string; seconds: number }): boolean {
	console.log(`\n== ${name} (${seconds.toFixed(1)} s)`);
	process.stdout.write(output);
	return status === 0;
}

/** Prints the gates' outputs whole, in the usual order, and counts each as one test. */
async function countGates(results: Promise<{ status: number; output: string; seconds: number }>[]): Promise<void> {
	for (const [index, [name]] of gates.entries()) {
		if (printed(name, await results[index]!)) passed++;
		else {
			failed++;
			console.log(`FAILED: ${name}`);
		}
	}
}

const vitest = (report: string, extra: string[]) => [
	bin('vitest', 'vitest.mjs'),
	'run',
	'--config',
	'tests/vitest.config.ts',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${report}`,
	...extra,
];

type Report = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: unknown[] };

/** Adds a vitest JSON report's counts; returns the report (undefined when none was written). */
function countReport(file: string): Report | undefined {
	if (!existsSync(file)) return undefined;
	const result = JSON.parse(readFileSync(file, 'utf8')) as Report;
	passed += result.numPassedTests;
	failed += result.numFailedTests;
	skipped += result.numPendingTests + result.numTodoTests;
	return result;
}

const reportDir = path.join(PROJECT_ROOT, '.tmp');
const report = path.join(reportDir, 'vitest-report.json');
mkdirSync(reportDir, { recursive: true });
rmSync(report, { force: true });
const statuses: number[] = [];
if (args.length === 0) {
	// The whole suite. The gates and the unit project build nothing and are mostly single-threaded:
	// they run side by side. The site project starts after them: its builds write Astro's .astro/
	// folder, which `astro check` writes too.
	const unitReport = path.join(reportDir, 'vitest-report.unit.json');
	const siteReport = path.join(reportDir, 'vitest-report.site.json');
	for (const file of [unitReport, siteReport]) rmSync(file, { force: true });
	const gateResults = gates.map(([, command]) => runQuietly(command));
	const unit = runQuietly(vitest(unitReport, ['--project', 'unit']));
	await countGates(gateResults);
	statuses.push(printed('vitest: unit', await unit) ? 0 : 1);
	statuses.push(run(vitest(siteReport, ['--project', 'site'])));
	const reports = [unitReport, siteReport].map(countReport).filter((r): r is Report => r !== undefined);
	if (reports.length) writeFileSync(report, JSON.stringify({ ...reports[0], testResults: reports.flatMap((r) => r.testResults) }));
} else {
	// A chosen part: the gates first unless a project is named, then one vitest process.
	if (!args.includes('--project')) await countGates(gates.map(([, command]) => runQuietly(command)));
	statuses.push(run(vitest(report, args)));
	countReport(report);
}
// A run that failed before any test could (a setup error) still counts as a failure.
const status = statuses.find((s) => s !== 0) ?? 0;
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : status);
