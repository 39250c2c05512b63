import "server-only";
// For the admin route handlers (not server actions, so they check what Next.js would check
// for an action): the Origin of state-changing requests, and a body read with a hard cap.

export const jsonResponse = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export { sameOrigin } from "@/server/http/origin";

export { BodyTooLarge, readBody } from "@/server/http/body";
