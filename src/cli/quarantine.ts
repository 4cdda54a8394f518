// PLACEHOLDER: replaced by the real `hudna quarantine` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("quarantine")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'quarantine' is not built yet");
    });
}
