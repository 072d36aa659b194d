/** Messages shared by every command: usage, unknown options, user errors, crashes. */
import { defineMessages } from './define.ts';
import texts from './cli.json' with { type: 'json' };

/** What every command says about its command line and how it ended. */
export const cliMessages = defineMessages({
	usageLine: (text: string) => ({ zh: `用法：${text}`, en: `Usage: ${text}` }),
	unknownOption: (option: string) => ({ zh: `未知选项 ${option}`, en: `unknown option ${option}` }),
	badOption: (detail: string) => ({ zh: `命令行参数有误：${detail}`, en: `invalid arguments: ${detail}` }),
	unexpectedArgument: (arg: string) => ({
		zh: `多余的参数“${arg}”：本命令不接受文件名或其他位置参数`,
		en: `unexpected argument "${arg}": this command takes no positional arguments`,
	}),
	badLanguage: (value: string) => ({ zh: `--lang 只能是 zh 或 en，收到“${value}”`, en: `--lang must be zh or en, got "${value}"` }),
	seeHelp: (command: string) => ({ zh: `运行 ${command} -- --help 查看用法。`, en: `Run ${command} -- --help for usage.` }),
	error: (message: string) => ({ zh: `错误：${message}`, en: `error: ${message}` }),
	internalError: (detail: string) => ({
		zh: `内部错误（不是您的内容有问题）：${detail}\n请把以上信息和所用命令报告给维护者；设置 DEBUG=1 可显示详细堆栈。`,
		en: `internal error (not a problem with your content): ${detail}\nPlease report it with the command you ran; set DEBUG=1 for the stack trace.`,
	}),
	// The fixed texts, without values: cli.json.
	...texts,
});
