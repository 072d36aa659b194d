/** Test helper: edits a fixture file in place, failing loudly when the edit changed nothing (a stale pattern). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Rewrites `relativeFile` under `dir` with `change`; throws when the text stays the same. */
export function editFile(dir: string, relativeFile: string, change: (text: string) => string): void {
	const file = path.join(dir, relativeFile);
	const before = readFileSync(file, 'utf8');
	const after = change(before);
	if (after === before) throw new Error(`fixture edit changed nothing in ${relativeFile}`);
	writeFileSync(file, after);
}
