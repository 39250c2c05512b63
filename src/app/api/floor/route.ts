// The floor of `npm run bench` (docs/performance.md): a trivial dynamic route of the same
// build, so that each page's figures can be read as a ratio to what the server does anyway.
// It reads no data and needs no sign-in.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
