/**
 * Beside a time read in INTERVIEW_TIMEZONE because nobody set the candidate's zone and their phone's country keeps
 * several clocks (lib/time/zone-for-phone.ts): the time may be the candidate's, or not.
 */
export function ZoneAssumed({ zone }: { zone: string }) {
  return (
    <span
      data-testid="zone-assumed"
      title={`Nobody set this candidate's time zone and the phone's country has several: ${zone} is assumed`}
      className="mt-0.5 inline-block rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900"
    >
      zone assumed
    </span>
  );
}
