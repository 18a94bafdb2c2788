// reprint-lens command-line tool: the same core as the extension, on files and folders.
//   node dist/cli.mjs extract <file.html|url> [--json]
//   node dist/cli.mjs match <file|url> [--json] [--corpus <dir>] [--exclude <id>]
//   node dist/cli.mjs compare <a> <b> [--json | --html <out.html> | --text] [--granularity char|word] [--no-fold] [--corpus <dir>]
//   node dist/cli.mjs corpus build <dir> [-o <out>]
// Any failure is one line on stderr and a non-zero exit code, never a stack trace.
import { run as extract } from './extract';
import { run as match } from './match';
import { run as compare } from './compare';
import { run as corpus } from './corpus';
import { errorText, setNetworkTimeout, DEFAULT_TIMEOUT_S } from './html';
import { printError, printText } from './output';

const VERSION = process.env.RL_VERSION ?? '';
// a Map, so that `reprint-lens constructor` (or __proto__, toString) is an unknown command, not Object's own
const COMMANDS = new Map<string, (argv: string[]) => Promise<number>>([
  ['extract', extract],
  ['match', match],
  ['compare', compare],
  ['corpus', corpus],
]);

const USAGE = `usage: reprint-lens <command> [options]

commands:
  extract <file.html|url> [--json]            the article on a page, its language and topic verdict
  match <file|url> [--json] [--corpus <dir>] [--exclude <id>]
                                              the corpus versions of a page (reprints, excerpts, translations)
  compare <a> <b> [--json | --html <out.html> | --text] [--granularity char|word] [--no-fold] [--corpus <dir>]
                                              what changed between two versions (corpus ids like 000, or files)
  corpus build <dir> [-o <out>]               compile a folder of articles into a corpus the extension can bundle

options for every command:
  --timeout <seconds>                         how long a page read from an http(s) address may take, connection
                                              to last byte (default ${DEFAULT_TIMEOUT_S}); pages over 20 MB and more than
                                              5 redirects are refused
`;

async function main(args: string[]): Promise<number> {
  // --timeout <seconds> is taken out before the command sees its arguments
  const argv = [...args];
  const at = argv.indexOf('--timeout');
  if (at >= 0) {
    const value = argv[at + 1];
    try {
      setNetworkTimeout(value === undefined ? NaN : Number(value));
    } catch (e) {
      printError(errorText(e));
      return 2;
    }
    argv.splice(at, 2);
  }
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    printText(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    printText(`${VERSION}\n`);
    return 0;
  }
  const run = COMMANDS.get(command);
  if (!run) {
    printError(`unknown command "${command}" (try --help)`);
    return 2;
  }
  return run(rest);
}

// The last line of defence: whatever escapes a command's own handling is still one line, never a
// stack trace; a reader piping into `head` closes stdout early, which is not an error.
const lastResort = (e: unknown): void => {
  printError(errorText(e));
  process.exit(1);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : lastResort(e)));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    printError(errorText(e));
    process.exitCode = 1;
  },
);
