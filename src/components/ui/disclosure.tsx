// A disclosure for an inline form (编辑, 添加角色): a <details>, so it opens by keyboard and is
// announced as expandable without any script. Its summary looks like a secondary button.
import type { ReactNode } from "react";
import { buttonClass } from "./button";

export function Disclosure({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="group open:basis-full" open={open}>
      <summary className={`${buttonClass({ tone: "secondary" })} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90 motion-reduce:transition-none">
          ▸
        </span>
        {summary}
      </summary>
      <div className="mt-3 rounded-xl border border-gray-200 bg-stone-50 p-4">{children}</div>
    </details>
  );
}
