/**
 * The dev watcher wrapper: a file read while its save was still under way is read again
 * once it has settled; a settled file is read once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTLE_MS, settlingWatcher } from '../../../src/lib/build/settling-watcher.ts';

type Watcher = NonNullable<LoaderContext['watcher']>;

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'settling-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A watcher like chokidar's, and what a listener on it read at each `change`. */
function watched() {
	const emitter = new EventEmitter();
	const reads: string[] = [];
	const watcher = settlingWatcher(emitter as unknown as Watcher);
	watcher.on('change', (file: string) => void reads.push(readFileSync(file, 'utf8')));
	return { emitter, reads };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 3));

describe('settlingWatcher', () => {
	it('reads a file again when it was still being written at its event, and the write’s own event was dropped', async () => {
		const file = path.join(dir, 'case.mdx');
		writeFileSync(file, '旧正文');
		const { emitter, reads } = watched();
		writeFileSync(file, '');
		emitter.emit('change', file);
		writeFileSync(file, '保存后的正文');
		await settled();
		expect(reads).toEqual(['', '保存后的正文']);
	});

	it('reads a file that had settled once, and passes other events through', async () => {
		const file = path.join(dir, 'case.mdx');
		writeFileSync(file, '保存后的正文');
		const { emitter, reads } = watched();
		const unlinked: string[] = [];
		settlingWatcher(emitter as unknown as Watcher).on('unlink', (gone: string) => void unlinked.push(gone));
		emitter.emit('change', file);
		emitter.emit('unlink', file);
		await settled();
		expect(reads).toEqual(['保存后的正文']);
		expect(unlinked).toEqual([file]);
	});
});
