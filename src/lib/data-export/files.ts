/** Where the open-data files of a script are published: /zh-hans/data/cases.csv and so on. */
import type { Script } from '../../schemas/script.ts';
import { pagePath } from '../routes.ts';

export const DATA_FILES = ['cases.csv', 'metrics.csv', 'cases.json'] as const;
export type DataFile = (typeof DATA_FILES)[number];

export function dataFilePath(base: string, script: Script, file: DataFile): string {
	return `${pagePath(base, script, { kind: 'data' })}${file}`;
}
