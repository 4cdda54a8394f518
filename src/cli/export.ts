// PLACEHOLDER: replaced by the real `hudna export` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("export")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'export' is not built yet");
    });
}
