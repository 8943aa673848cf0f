import Link from "next/link";

/** "Review" with the number of outcomes waiting for a person, and "Analytics". */
export function InsightLinks({ waiting, className }: { waiting: number; className: string }) {
  return (
    <>
      <Link href="/review" className={`inline-flex items-center gap-1 ${className}`}>
        Review
        {waiting > 0 && (
          <span data-testid="review-count" className="rounded-full bg-rose-100 px-1.5 text-xs font-medium text-rose-900">
            {waiting}
            <span className="sr-only"> outcomes to review</span>
          </span>
        )}
      </Link>
      <Link href="/analytics" className={className}>
        Analytics
      </Link>
    </>
  );
}
