/** A built folder's files, for comparing two builds byte for byte. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (relative name → content in base64), in name order. */
export function siteFiles(dir: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const full = path.join(dir, file);
		if (statSync(full).isFile()) map.set(file, readFileSync(full).toString('base64'));
	}
	return map;
}
