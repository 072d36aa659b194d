/**
 * `npm start`: builds the site as `npm run build` does, then previews the result on this
 * machine. `--help` and a wrong option are answered before anything is built.
 *
 *   --host        serve on the network too
 *   --port PORT   port (default 4321)
 */
import path from 'node:path';
import { publishSite } from '../src/lib/build/atomic-build.ts';
import { runServerCommand } from '../src/lib/build/server-options.ts';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';

await runServerCommand(
	{
		command: 'npm start',
		summary: {
			zh: '先构建网站（同 npm run build，发布到 dist/），再在本机预览构建结果。',
			en: 'Builds the site (as npm run build does, into dist/), then previews the result on this machine.',
		},
	},
	async (server) => {
		await publishSite(path.join(PROJECT_ROOT, 'dist'));
		const { preview } = await import('astro');
		const running = await preview({ root: PROJECT_ROOT, server });
		await running.closed();
	},
);
