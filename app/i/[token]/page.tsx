import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/api-error";
import { openLink, type OpenLink } from "@/lib/self-service/links";
import { limitSelfService } from "@/lib/self-service/rate-limit";
import { selfServiceView, type SelfServiceView } from "@/lib/self-service/self-service-view";
import type { Language } from "@/db/values";
import { translator } from "@/lib/i18n/translator";
import { writtenWhen } from "@/lib/i18n/when";
import { zoneLabel } from "@/lib/time/format";
import { SelfServiceForms, type SelfServiceWords } from "./self-service-forms";

export const metadata: Metadata = { title: "Your interview", robots: { index: false, follow: false } };
// The interview, its status and the free slots are read on every request, never from a cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

type Opened = { kind: "open"; opened: OpenLink } | { kind: "refused"; error: ApiError };

function open(token: string, now: Date): Opened {
  try {
    return { kind: "open", opened: openLink(getDb(), token, now, "view") };
  } catch (error) {
    if (error instanceof ApiError) return { kind: "refused", error };
    throw error;
  }
}

/**
 * The candidate's self-service page, open without an account (proxy.ts lets /i/ through): their given name, the
 * position and the interview in their own time zone (named as theirs), and what they may do — confirm, or move to
 * a free slot. A link whose changes are spent still shows the interview; a forged, expired or replaced one gets the
 * not-found page and a 404.
 */
export default async function SelfServicePage({ params }: Props) {
  const { token } = await params;
  const db = getDb();
  try {
    await limitSelfService(db, new Headers(await headers()));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Before the link is read the candidate's language is unknown: both languages say it.
    return (
      <Shell language="en">
        <h1 className="text-xl font-semibold">
          {translator("en", "selfService")("wait")} · <span lang="hi">{translator("hi", "selfService")("wait")}</span>
        </h1>
        <p className="text-slate-700">{error.message}</p>
      </Shell>
    );
  }
  const now = new Date();
  const result = open(token, now);
  if (result.kind === "refused") notFound();
  const view = selfServiceView(db, result.opened, now);
  const { candidate } = view;
  const { language, timeZone } = candidate;
  const t = translator(language, "selfService");
  const slots = view.slots.map((slot) => ({ id: slot.id, label: writtenWhen(slot.startsAt, timeZone, language) }));
  const words: SelfServiceWords = {
    confirm: t("confirm"),
    // Beside "Yes, I will be there" it is the other choice; alone (confirmed already) it is the only one.
    chooseAnother: view.canConfirm ? t("chooseAnother") : t("chooseOther"),
    move: t("move"),
    noOtherTime: t("noOtherTime"),
  };

  return (
    <Shell language={language}>
      <p className="text-sm text-slate-600">{t("hello", { firstName: candidate.firstName })}</p>
      <h1 className="text-xl font-semibold">
        {candidate.position ? t("headingFor", { position: candidate.position }) : t("heading")}
      </h1>
      <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <p className="text-lg font-medium" data-testid="interview-time">
          {writtenWhen(candidate.interviewAt, timeZone, language)}
        </p>
        <p className="text-sm text-slate-600" data-testid="interview-zone">
          {t("yourZone", { zone: timeZone, label: zoneLabel(candidate.interviewAt, timeZone) })}
        </p>
        <p className={`mt-2 text-sm font-medium ${STANDING_TONE[standing(view)]}`} data-testid="interview-standing">
          {t(`standing.${standing(view)}`)}
        </p>
        <a
          href={`/i/${token}/invite.ics`}
          className="mt-3 inline-block rounded-md px-1 text-sm font-medium text-sky-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-500"
        >
          {t("addToCalendar")}
        </a>
      </div>
      <SelfServiceForms
        token={token}
        canConfirm={view.canConfirm}
        canReschedule={view.canReschedule}
        slots={slots}
        words={words}
      />
      <p className="text-sm text-slate-700" data-testid="change-note">
        {view.changeNote}
      </p>
      <p className="text-xs text-slate-500">{t("linkUntil", { until: view.expiresLabel })}</p>
    </Shell>
  );
}

type Standing = "confirmed" | "moved" | "declined" | "open";

const standing = (view: SelfServiceView): Standing =>
  view.confirmed ? "confirmed" : view.needsReconfirmation ? "moved" : view.candidate.status === "declined" ? "declined" : "open";

const STANDING_TONE: Record<Standing, string> = {
  confirmed: "text-emerald-700",
  moved: "text-amber-800",
  declined: "text-slate-700",
  open: "text-slate-700",
};

/** The page in the candidate's language: `lang` lets the browser pick Devanagari glyphs and screen readers the voice. */
function Shell({ children, language }: { children: React.ReactNode; language: Language }) {
  return (
    <main lang={language} className="mx-auto flex min-h-screen max-w-md flex-col gap-4 p-5">
      <p className="text-sm font-semibold tracking-wide text-slate-500">Callboard</p>
      {children}
    </main>
  );
}
