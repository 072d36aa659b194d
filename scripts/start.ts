/**
 * `npm start`: builds the site as `npm run build` does, then previews the result on this
 * machine. `--help` and a wrong option are answered before anything is built.
 *
 *   --host        serve on the network too
 *   --port PORT   port (default 4321)
 */
import path from 'node:path';
import { publishSite } from '../src/lib/build/atomic-build.ts';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { buildMessages } from '../src/lib/i18n/messages/index.ts';

const startCommand = {
	command: 'npm start',
	summary: {
		zh: '先构建网站（同 npm run build，发布到 dist/），再在本机预览构建结果。',
		en: 'Builds the site (as npm run build does, into dist/), then previews the result on this machine.',
	},
	options: {
		host: { type: 'boolean', help: { zh: '也在局域网地址上提供预览（默认只在本机）', en: 'serve on the network too (default: this machine only)' } },
		port: { type: 'string', value: 'PORT', help: { zh: '端口（默认 4321）', en: 'port (default 4321)' } },
	},
} as const;

await runCommand(async () => {
	const { values } = parseCommand(startCommand);
	const port = values.port === undefined ? undefined : Number(values.port);
	if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UserError(buildMessages.badPort(values.port!), 2);
	await publishSite(path.join(PROJECT_ROOT, 'dist'));
	const { preview } = await import('astro');
	const server = await preview({ root: PROJECT_ROOT, server: { ...(values.host ? { host: true } : {}), ...(port ? { port } : {}) } });
	await server.closed();
});
