// PLACEHOLDER: replaced by the real `hudna reprocess` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("reprocess")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'reprocess' is not built yet");
    });
}
