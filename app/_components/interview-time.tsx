import { formatInstant } from "@/lib/time/format";
import { ViewerTime } from "./local-time";

type Props = {
  value: Date;
  /** The candidate's zone (lib/time/zone-for-phone.ts candidateZone): interviews are read in it. */
  zone: string;
  className?: string;
  /** Leaves out the viewer's own clock (a struck-through original, a dense list). */
  withViewer?: boolean;
};

/**
 * An interview time in the candidate's zone, labelled ("Thu 17 Dec 2026, 15:00 IST"), and below it the viewer's
 * own clock when it differs. Rendered the same on the server and in the browser.
 */
export function InterviewTime({ value, zone, className, withViewer = true }: Props) {
  return (
    <span className={className}>
      <time dateTime={value.toISOString()} title={zone} className="tabular-nums">
        {formatInstant(value, zone)}
      </time>
      {withViewer && <ViewerTime value={value} zone={zone} />}
    </span>
  );
}
