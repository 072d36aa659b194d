/** Where the open-data files of a script are published: /zh-hans/data/cases.csv and so on. */
import type { Script } from '../../schemas/script.ts';
import { pagePath } from '../routes.ts';

/** The open-data files each script publishes. */
export const DATA_FILES = ['cases.csv', 'metrics.csv', 'cases.json'] as const;
/** The name of one open-data file. */
export type DataFile = (typeof DATA_FILES)[number];

/** The URL path of one open-data file in `script`, under the site's `base`. */
export function dataFilePath(base: string, script: Script, file: DataFile): string {
	return `${pagePath(base, script, { kind: 'data' })}${file}`;
}
