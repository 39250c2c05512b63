/** Scope choices as the role pickers receive them (plain, serialisable). */
export type ScopeOptionsView = {
  global: boolean;
  communities: { id: string; label: string }[];
  grids: { id: string; label: string }[];
  courtyards: { id: string; label: string }[];
};
