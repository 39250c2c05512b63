import { getTranslations } from "next-intl/server";
import { mapAction } from "../actions";
import { ConfirmAction } from "./confirm";

/** Deactivate / reactivate with a confirmation that says what it means. */
export async function ToggleButton({
  kind,
  id,
  name,
  active,
}: {
  kind: "street" | "community" | "grid" | "courtyard" | "building";
  id: string;
  name: string;
  active: boolean;
}) {
  const t = await getTranslations("admin");
  return (
    <ConfirmAction
      action={mapAction}
      intent={`${kind}.toggle`}
      hidden={{ id, active: active ? "false" : "true" }}
      trigger={active ? t("state.deactivate") : t("state.reactivate")}
      title={t(active ? "state.deactivateTitle" : "state.reactivateTitle", { name })}
      body={<p>{t(active ? `state.deactivateBody.${kind}` : "state.reactivateBody")}</p>}
      confirmLabel={active ? t("state.deactivate") : t("state.reactivate")}
      tone={active ? "danger" : "primary"}
    />
  );
}
