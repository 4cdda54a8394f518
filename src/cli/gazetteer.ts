// PLACEHOLDER: replaced by the real `hudna gazetteer` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("gazetteer")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'gazetteer' is not built yet");
    });
}
