/**
 * Removing large folders without waiting for it: a detached process of the same Node does
 * it, outliving the command that asked. Used for what a build leaves behind whole (the
 * previous output after the swap, body renderings of an older pipeline), where deleting
 * tens of thousands of files one by one took longer than the rebuild itself.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Removes `dirs` in a detached process (the same Node, so it works wherever the build does)
 * that the build does not wait for; if that process cannot start, they are removed here.
 */
export function removeInBackground(dirs: string[]): void {
	if (!dirs.length) return;
	const script = 'for (const dir of process.argv.slice(1)) require("node:fs").rmSync(dir, { recursive: true, force: true });';
	const removeHere = () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
	try {
		const child = spawn(process.execPath, ['-e', script, ...dirs], { detached: true, stdio: 'ignore' });
		child.on('error', removeHere);
		child.unref();
	} catch {
		removeHere();
	}
}
