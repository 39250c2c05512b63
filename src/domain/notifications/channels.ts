// Where a notification goes. In-app (a Notification row) is the only channel today; an SMS or
// WeChat channel is another implementation in the list (docs/decisions/009, 033).
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationMessage } from "./notify";

/** A message as it leaves the outbox: its outbox id is the key that makes a repeat harmless. */
export type OutboxMessage = NotificationMessage & { id: string };

export interface NotificationChannel {
  readonly name: string;
  /**
   * Delivers the messages, inside the transaction that marks them delivered by this channel.
   * A repeat must be harmless: an external channel passes `id` as the provider's idempotency
   * key (and should not hold `tx` across its network call; decision 033).
   */
  deliver(messages: OutboxMessage[], tx: Prisma.TransactionClient): Promise<void>;
}

export const inAppChannel: NotificationChannel = {
  name: "in-app",
  async deliver(messages, tx) {
    // The Notification takes the outbox row's id: a second delivery of it inserts nothing.
    await tx.notification.createMany({
      data: messages.map(({ id, userId, orderId, kind, params }) => ({ id, userId, orderId, kind, params })),
      skipDuplicates: true,
    });
  },
};

let channels: NotificationChannel[] = [inAppChannel];

export const activeChannels = () => channels;

/** For tests: swap the channels (e.g. one that fails). Returns the previous ones. */
export function useChannels(next: NotificationChannel[]) {
  const previous = channels;
  channels = next;
  return previous;
}
