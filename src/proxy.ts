// Runs before every route: a write sent from another site is refused here with 403, before
// any page, server action or route handler decodes it. Next.js checks the Origin of server
// actions itself but answers a foreign one with a 500; route handlers check it again.
import { NextResponse, type NextRequest } from "next/server";
import { isWriteMethod, sameOrigin } from "@/server/http/origin";

export function proxy(request: NextRequest) {
  if (isWriteMethod(request.method) && !sameOrigin(request)) {
    return new NextResponse("请求来源无效。Cross-site request refused.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  return NextResponse.next();
}

export const config = {
  // Static files never change state; everything else, pages and API alike, passes the check.
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
