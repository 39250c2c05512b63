// One-time codes by SMS: the interface a real gateway will implement, and the development
// provider used until one is contracted. Sign-in by code will issue a code through
// `smsSender()` and, once checked, open the same UserSession as a password sign-in.
import crypto from "node:crypto";
import { maskPhone } from "@/domain/privacy/mask";

export interface SmsCodeSender {
  readonly name: string;
  send(phone: string, code: string): Promise<void>;
}

/** Prints the code to the server log (with the number masked) instead of sending it. */
export const developmentSmsSender: SmsCodeSender = {
  name: "development",
  async send(phone, code) {
    console.info(`[sms:development] one-time code for ${maskPhone(phone)}: ${code}`);
  },
};

export function smsSender(provider = process.env.LINLI_SMS_PROVIDER ?? "development"): SmsCodeSender {
  if (provider === "development") return developmentSmsSender;
  throw new Error(`Unknown SMS provider "${provider}"`);
}

/** Six digits, from a cryptographic source. */
export const newOneTimeCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
