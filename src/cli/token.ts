// PLACEHOLDER: replaced by the real `hudna token` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("token")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'token' is not built yet");
    });
}
