// The `hudna` command line: one file per verb, each a thin shell over the pipeline stages.
import { Command, CommanderError } from "commander";
import { UsageError } from "./errors.js";

const VERBS = [
  "extract",
  "geocode",
  "gazetteer",
  "ingest",
  "watch",
  "reprocess",
  "quarantine",
  "export",
  "serve",
  "token",
  "start",
] as const;

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name("hudna")
    .description("Arabic-native ceasefire monitoring: news reports in, sourced and geolocated events out")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const verb of VERBS) {
    const mod = (await import(`./${verb}.js`)) as { register(p: Command): void };
    mod.register(program);
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage mistakes exit 2 (commander already printed one line)
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`hudna: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`hudna: ${msg.split("\n")[0]}\n`);
    if (process.env.HUDNA_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}
