export * from "./event.js";
export * from "./report.js";
