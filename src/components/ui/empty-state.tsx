// What an empty list says instead: what is missing, and what to do about it.
export function EmptyState({ title, body }: { title: string; body?: string }) {
  return (
    <div className="rounded-2xl border-2 border-dashed border-gray-300 bg-white p-6 text-center">
      <p className="text-xl font-semibold">{title}</p>
      {body && <p className="mt-1 text-gray-700">{body}</p>}
    </div>
  );
}
