// PLACEHOLDER: replaced by the real `hudna serve` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("serve")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'serve' is not built yet");
    });
}
