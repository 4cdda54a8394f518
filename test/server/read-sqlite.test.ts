// Read routes against a real SQLite file.
import { readSuite } from "./read-suite.js";

readSuite("sqlite", async () => undefined);
