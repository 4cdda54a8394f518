// PLACEHOLDER: replaced by the real `hudna start` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("start")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'start' is not built yet");
    });
}
