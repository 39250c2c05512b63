import { readNumberSetting, type NumberSetting } from "@/domain/settings";

/** Days after completion before an unrated order closes as 未评价. */
export const unratedCloseDaysSetting: NumberSetting = { key: "orders.unratedCloseDays", fallback: 7, min: 1, max: 90, message: "admin.unratedDaysRange" };

export const unratedCloseDays = () => readNumberSetting(unratedCloseDaysSetting);
