"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

type Props = { previousHref: string | null; nextHref: string | null };

// Typing in a field (the correction's reason, say) must never trigger a shortcut.
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The queue's keyboard: j next, k previous, a accept, c correct (focuses the correction's status). Keys with a
 * modifier, and keys typed into a field, are left alone.
 */
export function ReviewKeys({ previousHref, nextHref }: Props) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const go = (href: string | null) => href && router.push(href, { scroll: false });
      if (event.key === "j") go(nextHref);
      else if (event.key === "k") go(previousHref);
      else if (event.key === "a") document.getElementById("review-accept")?.click();
      else if (event.key === "c") {
        const details = document.getElementById("review-correct") as HTMLDetailsElement | null;
        if (details) details.open = true;
        document.getElementById("review-correct-status")?.focus();
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, previousHref, nextHref]);
  return null;
}
