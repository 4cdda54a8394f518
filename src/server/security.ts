// Security defaults applied to every response: strict CSP (no inline script; MapLibre needs blob:
// workers), no sniffing, no framing; and one JSON error shape — never HTML, never a stack trace.
import type { FastifyError, FastifyInstance } from "fastify";
import { HttpError } from "./errors.js";

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "geolocation=(), camera=(), microphone=()",
};

export const BODY_LIMIT = 2 * 1024 * 1024;

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "too_many_requests";
    default:
      return status >= 500 ? "internal_error" : "error";
  }
}

export function installSecurity(app: FastifyInstance): void {
  // onRequest runs before parsing, so even 404s, 413s and 429s carry the headers.
  app.addHook("onRequest", async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` });
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      if (err.statusCode === 401) reply.header("www-authenticate", 'Bearer realm="hudna"');
      return reply.code(err.statusCode).send({ error: err.code, message: err.message });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return reply.code(400).send({ error: "bad_request", message: String(fe.message).slice(0, 500) });
    }
    const status = typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, "request failed");
      return reply.code(status).send({ error: codeFor(status), message: "internal error" });
    }
    // Client errors raised by Fastify itself (bad JSON, body too large, wrong content type…):
    // their messages are short and contain no internals.
    return reply.code(status).send({ error: codeFor(status), message: String(fe.message).split("\n")[0]!.slice(0, 300) });
  });
}
