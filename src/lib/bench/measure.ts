/**
 * The benchmarks' one way to measure: a command's wall time and the peak resident memory of
 * its whole process tree (the build spawns helpers such as Pagefind's binary), sampled from
 * /proc; the same sampler for in-process work (printing); and the median and percentiles of
 * repeated runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { processTree } from '../build/process-tree.ts';

/** What {@link measure} reports. */
export interface Measurement {
	seconds: number;
	peakMiB: number;
	exitCode: number;
	output: string;
}

/** Resident memory (KiB) of a process and all its descendants, from /proc (0 where there is none). */
export function treeRssKiB(root: number): number {
	if (!existsSync('/proc/self/status')) return 0;
	let total = 0;
	for (const pid of processTree(root)) {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			// Gone already.
		}
	}
	return total;
}

/** Runs `command` and reports its wall time, peak memory of its process tree, exit code and output. */
export function measure(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {},
): Promise<Measurement> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			if (options.echo) process.stderr.write(chunk);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		let peak = 0;
		const timer = setInterval(() => {
			if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
		}, 100);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024, exitCode: code ?? 1, output });
		});
	});
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The `p`-th percentile (0–100) of a list of numbers, by the nearest-rank method: the
 * smallest value at least `p`% of the values are at or below (p95 of 22 timings is the 21st).
 */
export function percentile(values: readonly number[], p: number): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(rank, sorted.length) - 1] as number;
}
