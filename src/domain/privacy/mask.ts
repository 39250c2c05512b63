/** 13812345678 → 138****5678: enough to recognise one's own number, not to call it. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
