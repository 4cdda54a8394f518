// PLACEHOLDER: replaced by the real `hudna watch` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("watch")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'watch' is not built yet");
    });
}
