// PLACEHOLDER: replaced by the real `hudna geocode` verb.
import type { Command } from "commander";
import { UsageError } from "./errors.js";

export function register(program: Command): void {
  program
    .command("geocode")
    .description("(not built yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UsageError("'geocode' is not built yet");
    });
}
