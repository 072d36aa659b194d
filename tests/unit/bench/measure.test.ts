/**
 * The benchmarks' memory figure (measure.ts' treeMemoryKiB): a process tree's pages counted
 * once, not once per process that maps them.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processTree } from '../../../src/lib/build/process-tree.ts';
import { treeMemoryKiB } from '../../../src/lib/bench/measure.ts';

const residentKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

describe.runIf(process.platform === 'linux')('treeMemoryKiB', () => {
	it('counts the pages the processes of a tree share once, not once per process', async () => {
		// A shell with four children running the same program: its code and libraries are mapped by all four.
		const shell = spawn('bash', ['-c', 'sleep 30 & sleep 30 & sleep 30 & sleep 30 & wait'], { stdio: 'ignore' });
		try {
			await expect.poll(() => processTree(shell.pid!).length, { timeout: 10_000 }).toBe(5);
			const tree = processTree(shell.pid!);
			const summed = tree.reduce((sum, pid) => sum + residentKiB(pid), 0);
			const counted = treeMemoryKiB(shell.pid!);
			expect(counted).toBeGreaterThanOrEqual(residentKiB(shell.pid!));
			expect(counted).toBeLessThan(summed);
		} finally {
			shell.kill('SIGKILL');
			for (const pid of processTree(shell.pid!)) process.kill(pid, 'SIGKILL');
		}
	});

	it("counts a child's own memory in full", async () => {
		const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setInterval(() => b[0]++, 1000)'], {
			stdio: 'ignore',
		});
		const shell = process.pid;
		try {
			const before = treeMemoryKiB(shell);
			await expect.poll(() => treeMemoryKiB(shell) - before, { timeout: 20_000 }).toBeGreaterThan(190 * 1024);
		} finally {
			child.kill('SIGKILL');
		}
	});
});
