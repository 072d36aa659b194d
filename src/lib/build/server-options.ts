/**
 * The --host and --port options of the commands that start a local server (`npm run dev`,
 * `npm start`), declared once for parseCommand and turned into Astro's `server` setting.
 */
import { UserError, type OptionSpec } from '../cli/command.ts';
import { buildMessages } from '../i18n/messages/index.ts';

/** The options, for a command spec. */
export const serverOptions = {
	host: { type: 'boolean', help: { zh: '也在局域网地址上提供预览（默认只在本机）', en: 'serve on the network too (default: this machine only)' } },
	port: { type: 'string', value: 'PORT', help: { zh: '端口（默认 4321）', en: 'port (default 4321)' } },
} as const satisfies Record<string, OptionSpec>;

/** Astro's `server` setting from the parsed values; a port that is not 1–65535 is a usage error. */
export function serverConfig(values: { host?: boolean | undefined; port?: string | undefined }): { host?: true; port?: number } {
	const config: { host?: true; port?: number } = {};
	if (values.host) config.host = true;
	if (values.port !== undefined) {
		const port = Number(values.port);
		if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new UserError(buildMessages.badPort(values.port), 2);
		config.port = port;
	}
	return config;
}
