"use client";

// Rendered when the root layout itself fails, so without translations: both languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem", fontSize: "18px" }}>
        <h1>出错了 · Something went wrong</h1>
        <p>系统暂时无法完成您的请求，请稍后再试。</p>
        <p lang="en">The portal could not complete your request. Please try again later.</p>
        <button type="button" onClick={reset} style={{ minHeight: 44, padding: "0 1rem" }}>
          重试 · Try again
        </button>
      </body>
    </html>
  );
}
