/**
 * The commands that start a local server (`npm run dev`, `npm start`): their --host and
 * --port options, declared once for parseCommand and turned into Astro's `server` setting,
 * and the one way such a command reads its command line before it serves.
 */
import { parseCommand, runCommand, UserError, type OptionSpec } from '../cli/command.ts';
import { buildMessages, type Bilingual } from '../i18n/messages/index.ts';

/** The options, for a command spec. */
export const serverOptions = {
	host: { type: 'boolean', help: { zh: '也在局域网地址上提供预览（默认只在本机）', en: 'serve on the network too (default: this machine only)' } },
	port: { type: 'string', value: 'PORT', help: { zh: '端口（默认 4321）', en: 'port (default 4321)' } },
} as const satisfies Record<string, OptionSpec>;

/** Astro's `server` setting as the options give it. */
export interface ServerConfig {
	host?: true;
	port?: number;
}

/** Astro's `server` setting from the parsed values; a port that is not 1–65535 is a usage error. */
export function serverConfig(values: { host?: boolean | undefined; port?: string | undefined }): ServerConfig {
	const config: ServerConfig = {};
	if (values.host) config.host = true;
	if (values.port !== undefined) {
		const port = Number(values.port);
		if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new UserError(buildMessages.badPort(values.port), 2);
		config.port = port;
	}
	return config;
}

/**
 * Runs a server command: `--help`, `--lang` and a wrong option are answered before anything
 * starts; then `serve` runs with the server setting and the command ends when it resolves.
 */
export function runServerCommand(spec: { command: string; summary: Bilingual }, serve: (server: ServerConfig) => Promise<void>): Promise<void> {
	return runCommand(async () => {
		const { values } = parseCommand({ ...spec, options: serverOptions });
		await serve(serverConfig(values));
	});
}
