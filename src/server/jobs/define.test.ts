import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./define";

describe("defineJob", () => {
  const job = (name: string) => defineJob({ name, data: z.object({}), handle: async () => undefined });

  it("takes names of the form <area>.<what>, the queue's name in pgboss.job", () => {
    expect(job("orders.housekeeping").name).toBe("orders.housekeeping");
    expect(job("patrols.generateRounds").name).toBe("patrols.generateRounds");
  });

  it("refuses other names, which would scatter queues nobody can find", () => {
    for (const name of ["housekeeping", "Orders.close", "orders.", "orders close", "orders.close-unrated"]) expect(() => job(name)).toThrow(/area/);
  });
});
