// PLACEHOLDER: replaced by the real `hudna ingest` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("ingest")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'ingest' is not built yet");
    });
}
