"use client";
// Role and scope chosen together: a grid worker needs a grid, a secretary or a resident a
// courtyard, staff, volunteers and community administrators a community; a global
// administrator none.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ScopeOptionsView } from "../scope-options";
import { SelectField, TextField } from "@/components/ui/field";

const roleOrder = ["GRID_WORKER", "BRANCH_SECRETARY", "STAFF", "RESIDENT", "VOLUNTEER", "ADMIN"] as const;
type RoleName = (typeof roleOrder)[number];

export function RoleScopeFields({
  options,
  defaultRole = "",
  defaultScope = "",
  withHome = true,
}: {
  options: ScopeOptionsView;
  defaultRole?: string;
  defaultScope?: string;
  withHome?: boolean;
}) {
  const t = useTranslations("admin.people");
  const tRoles = useTranslations("roles");
  const [role, setRole] = useState<string>(defaultRole);
  const [scope, setScope] = useState<string>(defaultScope);
  const scopes = (r: string) => {
    if (r === "GRID_WORKER") return { label: t("scopeGrid"), items: options.grids };
    if (r === "RESIDENT" || r === "BRANCH_SECRETARY") return { label: t("scopeCourtyard"), items: options.courtyards };
    if (r === "STAFF" || r === "VOLUNTEER" || r === "ADMIN") return { label: t("scopeCommunity"), items: options.communities };
    return null;
  };
  const current = scopes(role);
  const scopeOptions = [...(role === "ADMIN" && options.global ? [{ id: "*", label: t("scopeAll") }] : []), ...(current?.items ?? [])];
  return (
    <>
      <SelectField
        label={t("role")}
        name="role"
        required
        value={role}
        onChange={(e) => {
          setRole(e.target.value);
          setScope("");
        }}
        placeholder={t("chooseRole")}
        options={roleOrder.map((r: RoleName) => ({ value: r, label: tRoles(r) }))}
      />
      {current && (
        <SelectField
          key={role}
          label={current.label}
          name="scopeId"
          required
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          placeholder={t("chooseScope")}
          options={scopeOptions.map((o) => ({ value: o.id, label: o.label }))}
          hint={role === "ADMIN" ? t("adminHint") : undefined}
        />
      )}
      {withHome && role === "RESIDENT" && (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("building")} name="buildingNumber" maxLength={20} hint={t("buildingHint")} />
          <TextField label={t("unit")} name="unit" maxLength={20} />
          <TextField label={t("room")} name="room" maxLength={20} />
        </div>
      )}
    </>
  );
}
