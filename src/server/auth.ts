// Bearer-token guard for write routes. Runs at onRequest, before the body is read, so an
// unauthenticated client cannot make us parse a 2 MB body.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { forbidden, unauthorized } from "./errors.js";
import { verifyToken, type Role, type TokenInfo } from "./tokens.js";
import type { Db } from "./store-handle.js";

declare module "fastify" {
  interface FastifyRequest {
    token: TokenInfo | null;
  }
}

export function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== "string") return null;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}

export function requireRole(db: Db, roles: readonly Role[]): onRequestAsyncHookHandler {
  return async function guard(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const bearer = bearerOf(req);
    if (!bearer) throw unauthorized("a bearer token is required (Authorization: Bearer …)");
    const tok = await verifyToken(db, bearer);
    if (!tok) throw unauthorized("invalid or revoked token");
    if (!roles.includes(tok.role)) throw forbidden(`this action needs the role ${roles.join(" or ")}`);
    req.token = tok;
  };
}
