import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { type CliIo, runCli } from './run-cli';

/** The `portico` command on Node: real files, real standard streams. */
const io: CliIo = {
  readFile: (path) => {
    try {
      if (statSync(path).isDirectory()) return { ok: false, message: `${path} is a folder, not a file.` };
      return { ok: true, bytes: readFileSync(path) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        message: code === 'ENOENT' ? `${path} does not exist.` : `${path} could not be read (${code ?? 'unknown error'}).`,
      };
    }
  },
  writeFile: (path, text) => {
    try {
      writeFileSync(path, text);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `${path} could not be written (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).` };
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
process.exitCode = runCli(process.argv.slice(2), io, version);
