import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { NavLinks } from "@/components/ui/nav";
import { signOutAction } from "@/features/auth/actions";
import { LocaleSwitch } from "@/features/i18n/locale-switch";
import { unreadCount } from "@/features/orders/queries";
import { workspacesOf } from "@/features/workspaces/workspaces";
import { requireActor } from "@/server/auth/guards";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  // Around the password page too, where a person on a one-time password sees nothing of their
  // workspaces (no links, no notifications) until they have chosen their own.
  const actor = await requireActor({ allowPendingPasswordChange: true });
  const pending = actor.mustChangePassword;
  const [t, tWorkspace, unread] = await Promise.all([getTranslations("app"), getTranslations("workspace"), pending ? 0 : unreadCount(actor)]);
  const items = pending ? [] : workspacesOf(actor).map((w) => ({ href: w.path, label: tWorkspace(w.role) }));

  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-2xl font-bold text-brand-700">{t("name")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-gray-700">{t("signedInAs", { name: actor.name })}</span>
            {!pending && (
              <ButtonLink href="/notifications" tone="secondary" size="sm">
                {t("notifications")}
                {unread > 0 && (
                  <>
                    {/* The badge is for the eye; screen readers hear the sentence after it. */}
                    <span
                      aria-hidden="true"
                      className="inline-flex min-w-7 items-center justify-center rounded-full bg-brand-700 px-1.5 text-base font-semibold leading-7 text-white"
                    >
                      {unread > 99 ? "99+" : unread}
                    </span>
                    <span className="sr-only">{t("notificationsUnreadSuffix", { count: unread })}</span>
                  </>
                )}
              </ButtonLink>
            )}
            <LocaleSwitch />
            <form action={signOutAction}>
              <Button type="submit" tone="secondary" size="sm">
                {t("signOut")}
              </Button>
            </form>
          </div>
        </div>
        {!pending && (
          <div className="mx-auto max-w-4xl px-4 pb-3">
            <NavLinks items={items} label={t("mainNav")} variant="main" />
          </div>
        )}
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
