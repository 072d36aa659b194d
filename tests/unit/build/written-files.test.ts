/**
 * The announcement of files written into the output folder (written-files.ts), which the
 * printing beside the page build starts from: a listener hears of a file only once its write
 * has finished, only of files in the watched folder, and the watch and linked-pages.ts'
 * `replaceOnWrite` restore `fs.promises.writeFile` to Node's own whichever way they stack.
 */
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnWrite } from '../../../src/lib/build/linked-pages.ts';
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

	it("stacks with replaceOnWrite: restored in reverse order, Node's own writeFile is back", async () => {
		const original = fs.promises.writeFile;
		const out = path.join(work, 'stacked');
		mkdirSync(out, { recursive: true });
		const watch = watchWrites(out);
		const guard = replaceOnWrite([out]);
		const heard: string[] = [];
		onFileWritten(out, (file) => heard.push(file));
		await fs.promises.writeFile(path.join(out, 'a.html'), 'a');
		guard.restore();
		watch.restore();
		expect(fs.promises.writeFile).toBe(original);
		expect(heard).toEqual([path.join(out, 'a.html')]);
		expect([...guard.written]).toEqual([path.join(out, 'a.html')]);
	});
});
