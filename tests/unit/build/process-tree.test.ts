import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processTree } from '../../../src/lib/build/process-tree.ts';

describe('processTree', () => {
	it.skipIf(!existsSync('/proc'))('lists a process, its children and their children', async () => {
		// A shell whose child is a sleep: the sleep is a grandchild of this process.
		const shell = spawn('sh', ['-c', 'sleep 5 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
		try {
			const grandchild = await new Promise<number>((resolve) => shell.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))));
			const tree = processTree(process.pid);
			expect(tree[0]).toBe(process.pid);
			expect(tree).toContain(shell.pid);
			expect(tree).toContain(grandchild);
			expect(processTree(shell.pid!)).toEqual(expect.arrayContaining([shell.pid, grandchild]));
			expect(processTree(shell.pid!)).not.toContain(process.pid);
		} finally {
			shell.kill();
		}
	});
});
