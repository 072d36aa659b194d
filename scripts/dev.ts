/**
 * `npm run dev`: Astro's dev server for editors. Content edits show at once, a content error
 * shows in the browser with its file and line, and search works (src/integration.ts).
 *
 *   --host        serve on the network too
 *   --port PORT   port (default 4321)
 */
import { runServerCommand } from '../src/lib/build/server-options.ts';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';

await runServerCommand(
	{
		command: 'npm run dev',
		summary: {
			zh: '编辑用的本地预览：保存后页面自动刷新，内容错误直接显示在浏览器里（含文件和行号），搜索可用。',
			en: 'Local preview for editors: pages reload on save, content errors show in the browser with file and line, search works.',
		},
	},
	async (server) => {
		// Before Astro loads: no usage reports and no notice about them (astro.config.mjs sets it too).
		process.env.ASTRO_TELEMETRY_DISABLED = '1';
		const { dev } = await import('astro');
		await dev({ root: PROJECT_ROOT, server });
		await new Promise(() => {});
	},
);
