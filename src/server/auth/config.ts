import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials, endSession, SESSION_HOURS } from "./sign-in";
import { clientAddress } from "./client-address";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}
class InvalidSignIn extends CredentialsSignin {
  code = "invalid";
}

declare module "next-auth" {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

// The JWT only carries the session row's id (and Auth.js's subject); roles and scopes
// are read from the database on each request (docs/decisions/004-authentication.md).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  // A refused sign-in is an expected answer, already counted by the throttle: not an error.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { phone: {}, password: {} },
      async authorize(credentials, request) {
        const result = await checkCredentials(credentials, await clientAddress(request));
        if (!result.ok) throw result.reason === "throttled" ? new ThrottledSignIn() : new InvalidSignIn();
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) return { sub: user.id, sid: user.sid };
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
});
