/**
 * The message catalogue: one module per area (cli, check, build, import, new, pdf …), each
 * made with {@link defineMessages} from its fixed texts (`<area>.json`) and its messages with
 * values (`<area>.ts`). Import the area you need from here.
 */
export { defineMessages, localized, type Bilingual, type Messages } from './define.ts';
export { messageLanguage, parseMessageLanguage, setMessageLanguage, type MessageLanguage } from './language.ts';
export { cliMessages } from './cli.ts';
export { printMessages } from './print.ts';
export { newMessages } from './new.ts';
export { checkMessages } from './check.ts';
export { schemaMessages } from './schema.ts';
export { buildMessages } from './build.ts';
export { importMessages, importUsage } from './import.ts';
