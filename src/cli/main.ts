import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { type CliIo, runCli } from './run-cli';

/** The `portico` command on Node: real files, real standard streams. */
const io: CliIo = {
  readFile: (path) => {
    try {
      // `-` is standard input (a pipe or a redirect), as in most command-line tools.
      if (path === '-') return { ok: true, bytes: readFileSync(0) };
      if (statSync(path).isDirectory()) return { ok: false, message: `${path} is a folder, not a file.` };
      return { ok: true, bytes: readFileSync(path) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        message:
          path === '-'
            ? `standard input could not be read (${code ?? 'unknown error'}).`
            : code === 'ENOENT'
              ? `${path} does not exist.`
              : `${path} could not be read (${code ?? 'unknown error'}).`,
      };
    }
  },
  writeFile: (path, text) => {
    try {
      writeFileSync(path, text);
      return { ok: true };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (code ?? 'unknown error');
      return { ok: false, message: `${path} could not be written (${reason}).` };
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
process.exitCode = runCli(process.argv.slice(2), io, version);
