// PLACEHOLDER: replaced by the real `hudna extract` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("extract")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'extract' is not built yet");
    });
}
