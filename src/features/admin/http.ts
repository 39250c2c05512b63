import "server-only";
// For the admin route handlers: JSON answers that are never cached, and a body read with a
// hard cap (the Origin of a write is checked by withActor, src/server/route.ts).

export const jsonResponse = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export { BodyTooLarge, readBody } from "@/server/http/body";
