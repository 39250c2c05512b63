// Notifications go out after the change has committed, through every configured channel.
// A channel that fails is logged and never undoes the change. In-app is the only channel
// today; SMS or WeChat channels implement the same interface.
import type { Role } from "@/generated/prisma/enums";
import { maskPhoneNumbers } from "@/domain/privacy/mask";
import { db } from "@/server/db/client";

export const notificationKinds = [
  "statusChanged",
  "newOrder",
  "awaitingDispatch",
  "poorRating",
  "transferredIn",
  "assigned",
  "sentBack",
  "merged",
  "mergedProgress",
  "boardHidden",
  "boardRestored",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationMessage = {
  userId: string;
  orderId?: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
};

export interface NotificationChannel {
  readonly name: string;
  deliver(messages: NotificationMessage[]): Promise<void>;
}

export const inAppChannel: NotificationChannel = {
  name: "in-app",
  async deliver(messages) {
    await db.notification.createMany({ data: messages.map((m) => ({ ...m, params: m.params })) });
  },
};

let channels: NotificationChannel[] = [inAppChannel];

/** For tests: swap the channels (e.g. one that fails). Returns the previous ones. */
export function useChannels(next: NotificationChannel[]) {
  const previous = channels;
  channels = next;
  return previous;
}

/** Parameters quote what residents typed (a title): numbers in them leave masked, on every channel. */
export const maskParams = (params: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? maskPhoneNumbers(v) : v]));

export async function notify(messages: NotificationMessage[]): Promise<void> {
  const seen = new Set<string>();
  const unique = messages
    .filter((m) => {
      const key = `${m.userId}|${m.kind}|${m.orderId ?? ""}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((m) => ({ ...m, params: maskParams(m.params) }));
  if (unique.length === 0) return;
  for (const channel of channels) {
    try {
      await channel.deliver(unique);
    } catch (error) {
      console.error(`[notify] channel ${channel.name} failed for ${unique.length} message(s):`, (error as Error).message);
    }
  }
}

/** The users holding a role over a grid, courtyard or community. */
export async function holdersOf(role: Role, scope: { gridId?: string; courtyardId?: string; communityId?: string }) {
  const rows = await db.roleAssignment.findMany({
    where: { role, ...scope, user: { disabledAt: null } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}
