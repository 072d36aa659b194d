/**
 * The announcement of files written into the output folder (written-files.ts), which the
 * printing beside the page build starts from: a listener hears of a file only once its write
 * has finished, only of files in the watched folder, and the watch and page-writer.ts
 * restore `fs.promises.writeFile` to Node's own whichever way they stack.
 */
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePagesInWorker } from '../../../src/lib/build/page-writer.ts';
import { onFileWritten, watchWrites } from '../../../src/lib/build/written-files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'written-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('watchWrites', () => {
	it('announces each file written into the folder once it is complete, and nothing outside it', async () => {
		const out = path.join(work, 'out');
		mkdirSync(path.join(out, 'zh-hans'), { recursive: true });
		const heard: [string, string][] = [];
		expect(
			onFileWritten(out, () => {}),
			'no watch, nobody to listen to',
		).toBeUndefined();
		const watch = watchWrites(out);
		try {
			const stop = onFileWritten(`${out}/`, (file) => heard.push([file, readFileSync(file, 'utf8')]));
			expect(stop).toBeDefined();
			expect(
				onFileWritten(path.join(work, 'elsewhere'), () => {}),
				'another folder has no watch',
			).toBeUndefined();
			await fs.promises.writeFile(path.join(out, 'zh-hans', 'page.html'), 'x'.repeat(1 << 20));
			await fs.promises.writeFile(new URL(`file://${path.join(out, 'robots.txt')}`), 'robots');
			await fs.promises.writeFile(path.join(work, 'outside.txt'), 'no');
			await expect(fs.promises.writeFile(path.join(out, 'missing', 'x.html'), 'no')).rejects.toThrow();
			stop!();
			await fs.promises.writeFile(path.join(out, 'after.html'), 'not heard');
		} finally {
			watch.restore();
		}
		expect(heard).toEqual([
			[path.join(out, 'zh-hans', 'page.html'), 'x'.repeat(1 << 20)],
			[path.join(out, 'robots.txt'), 'robots'],
		]);
	});

	it("stacks with the page writer: its files are announced once written, and Node's own writeFile is back after both", async () => {
		const original = fs.promises.writeFile;
		const out = path.join(work, 'stacked');
		mkdirSync(out, { recursive: true });
		const watch = watchWrites(out);
		const writer = writePagesInWorker({ pages: out });
		const heard: [string, string][] = [];
		onFileWritten(out, (file) => heard.push([file, readFileSync(file, 'utf8')]));
		await fs.promises.writeFile(path.join(out, 'a.html'), Buffer.from('a'));
		// Bundled code is written by Node as before, and announced by the watch itself.
		mkdirSync(path.join(out, '_astro'));
		await fs.promises.writeFile(path.join(out, '_astro', 'x.js'), 'x');
		expect(heard).toContainEqual([path.join(out, '_astro', 'x.js'), 'x']);
		await writer.close();
		watch.restore();
		expect(fs.promises.writeFile).toBe(original);
		expect(heard.sort()).toEqual([
			[path.join(out, '_astro', 'x.js'), 'x'],
			[path.join(out, 'a.html'), 'a'],
		]);
		expect([...writer.written]).toEqual([path.join(out, 'a.html')]);
	});
});
