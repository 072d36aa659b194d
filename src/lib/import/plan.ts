/**
 * Where an imported document's drafts go, and whether that would overwrite anything.
 * Cases go to the cases directory as <slug>.mdx; an issue goes to the issues directory,
 * or onto the existing file of the same series and number.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DocumentImport } from './import.ts';
import { issueKey } from './existing-issues.ts';

export interface PlannedFile {
	path: string;
	content: string;
	kind: 'case' | 'issue';
}

export interface WritePlan {
	files: PlannedFile[];
	/** Targets that exist already. */
	existing: string[];
}

export function planWrites(doc: DocumentImport, dirs: { cases: string; issues: string }, issuesOnDisk: Map<string, string>): WritePlan {
	const files: PlannedFile[] = doc.cases.map((c) => ({ path: path.join(dirs.cases, `${c.slug}.mdx`), content: c.mdx, kind: 'case' }));
	if (doc.issue) {
		const key = issueKey(String(doc.issue.data.series), Number(doc.issue.data.number));
		const target = issuesOnDisk.get(key) ?? path.join(dirs.issues, `${doc.issue.slug}.mdx`);
		files.push({ path: target, content: doc.issue.mdx, kind: 'issue' });
	}
	return { files, existing: files.filter((f) => existsSync(f.path)).map((f) => f.path) };
}
