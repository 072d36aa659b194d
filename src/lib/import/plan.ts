/**
 * Where an imported document's drafts go, and whether that would overwrite anything.
 * Cases go to the cases directory as <slug>.mdx; an issue goes to the issues directory,
 * or onto the existing file of the same series and number.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DocumentImport } from './import.ts';
import { issueKey } from './existing-issues.ts';

/** One draft file to write, and where. */
export interface PlannedFile {
	path: string;
	content: string;
	kind: 'case' | 'issue';
}

/** The files an import would write, so the CLI can refuse to overwrite without --force. */
export interface WritePlan {
	files: PlannedFile[];
	/** Targets that exist already. */
	existing: string[];
}

/** Plans the files for one document; `issuesOnDisk` (from `existingIssues`) sends an issue to its existing file. */
export function planWrites(doc: DocumentImport, dirs: { cases: string; issues: string }, issuesOnDisk: Map<string, string>): WritePlan {
	const files: PlannedFile[] = doc.cases.map((c) => ({ path: path.join(dirs.cases, `${c.slug}.mdx`), content: c.mdx, kind: 'case' }));
	if (doc.issue) {
		const key = issueKey(String(doc.issue.data.series), Number(doc.issue.data.number));
		const target = issuesOnDisk.get(key) ?? path.join(dirs.issues, `${doc.issue.slug}.mdx`);
		files.push({ path: target, content: doc.issue.mdx, kind: 'issue' });
	}
	return { files, existing: files.filter((f) => existsSync(f.path)).map((f) => f.path) };
}
