// Boxes on the page: a card around one thing (a record, a form), a card that is a link (an
// order in a list), a titled section (a region named by its heading), and a figure with its label.
import Link from "next/link";
import type { ComponentProps, HTMLAttributes, ReactNode } from "react";

type CardTone = "plain" | "muted" | "warn" | "alert" | "emphasis";

const tones: Record<CardTone, string> = {
  plain: "bg-white ring-1 ring-gray-200",
  // Deactivated or already read: greyed, and said in words beside it.
  muted: "bg-gray-50 ring-1 ring-gray-300",
  warn: "bg-white ring-2 ring-amber-500",
  alert: "bg-white ring-2 ring-red-400",
  // Where the reader acts (an order's actions, its rating form).
  emphasis: "bg-white ring-2 ring-brand-700/30",
};

export function cardClass(tone: CardTone = "plain") {
  return `rounded-xl p-4 ${tones[tone]}`;
}

type Tag = "div" | "li" | "section" | "article" | "form";

export function Card({ as: Tag = "div", tone, className, ...rest }: { as?: Tag; tone?: CardTone } & HTMLAttributes<HTMLElement>) {
  return <Tag className={`${cardClass(tone)}${className ? ` ${className}` : ""}`} {...rest} />;
}

/** A card that is one link as a whole (an order in a list, a shortcut). */
export function CardLink({ tone, className, ...rest }: { tone?: CardTone } & ComponentProps<typeof Link>) {
  return <Link className={`${cardClass(tone)} block hover:ring-2 hover:ring-brand-700${className ? ` ${className}` : ""}`} {...rest} />;
}

/** A region of the page named by its heading, with room for actions beside the heading. */
export function Section({ id, title, actions, children }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8 break-inside-avoid-page">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id={id} className="text-xl font-bold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** One figure of a <dl>: its label and its value. */
export function Stat({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className={cardClass()}>
      <dt className="text-gray-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums">{children}</dd>
    </div>
  );
}
