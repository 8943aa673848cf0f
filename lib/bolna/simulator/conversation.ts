import type { Random } from "@/lib/seeded-random";
import type { AnsweredScenario } from "./scenarios";
import type { CallContext, ExtractedSlot } from "./user-data";

/** What an answered call produced: the words, the agent's extraction and summary, and how long it took. */
export type Conversation = {
  transcript: string;
  extractedData: {
    call_outcome: "ACCEPTED" | "REJECTED" | "RESCHEDULED" | "DO_NOT_CALL" | "TRANSFERRED";
    original_slot: ExtractedSlot | null;
    final_slot: ExtractedSlot | null;
    notes: string;
  };
  /** Set when the agent handed the call to the recruiter (Bolna's transfer tool). */
  transferredTo?: string;
  summary: string;
  seconds: number;
  /** Characters the agent spoke, which Bolna bills as synthesis. */
  agentCharacters: number;
};

export type Turn = [speaker: "assistant" | "user", words: string];

/** One outcome's side of the call: what is said after the opening, what the agent extracts, one summary line. */
export type Ending = {
  turns: Turn[];
  extraction: Omit<Conversation["extractedData"], "original_slot">;
  outcome: string;
  transferredTo?: string;
};

/** The recruiter's line the simulated agent transfers to. */
const RECRUITER_NUMBER = "+919800012345";

function opening(context: CallContext): Turn[] {
  if (context.direction === "inbound") {
    return [
      ["assistant", "Hello, you have reached the interview line. This is Ava; how can I help?"],
      ["user", `Hi, this is ${context.firstName}. I am calling about my interview.`],
      ["assistant", `Thank you, ${context.firstName}. I can see your interview is on ${context.interviewSpoken}.`],
    ];
  }
  return [
    ["assistant", "Hello, this is Ava, calling about your job application."],
    ["assistant", `Hi, am I speaking with ${context.candidateName}?`],
    ["user", `Yes, this is ${context.firstName}.`],
    [
      "assistant",
      context.purpose === "reconfirmation"
        ? `Hi ${context.firstName}! I'm calling to check that you are still coming to your interview for the ` +
          `${context.position} position. Do you have a moment?`
        : `Hi ${context.firstName}! I'm calling about your interview for the ${context.position} position. ` +
          "Do you have a few moments to discuss your interview schedule?",
    ],
  ];
}

function offerBookedSlot(context: CallContext): Turn[] {
  return [
    ["user", "Sure, go ahead."],
    ["assistant", `Your interview is on ${context.interviewSpoken}. Does this time work for you?`],
  ];
}

// The candidate's words carry the outcome on their own, so the transcript classifier agrees with the extraction.
function confirmed(context: CallContext): Ending {
  return {
    turns: [
      ...offerBookedSlot(context),
      ["user", "Yes, that works for me."],
      [
        "assistant",
        `Excellent! Your interview is confirmed for ${context.interviewSpoken}. You'll receive a confirmation message ` +
          "shortly. Is there anything else I can help you with?",
      ],
      ["user", "No, that's all. Thank you."],
      ["assistant", `Thank you for your time today, ${context.firstName}. We look forward to meeting you. Goodbye!`],
    ],
    extraction: {
      call_outcome: "ACCEPTED",
      final_slot: context.originalSlot,
      notes: "Candidate confirmed the original slot.",
    },
    outcome: `${context.firstName} confirmed the interview on ${context.interviewSpoken}.`,
  };
}

function declined(context: CallContext): Ending {
  return {
    turns: [
      ["user", "Actually, I have accepted another offer, so I am not interested anymore."],
      [
        "assistant",
        "I understand, and I appreciate you letting me know. Just to confirm, you're no longer interested in " +
          "moving forward with this position, is that correct?",
      ],
      ["user", "Yes, please withdraw my application."],
      ["assistant", "I'll update your application accordingly. Thank you, and best of luck. Take care!"],
    ],
    extraction: { call_outcome: "REJECTED", final_slot: null, notes: "Candidate accepted another offer and withdrew." },
    outcome: `${context.firstName} has accepted another offer and asked to withdraw the application.`,
  };
}

function rescheduled(context: CallContext, random: Random): Ending {
  const asks = asksToMove(context);
  if (context.alternatives.length === 0) {
    return {
      turns: [
        ...asks,
        ["assistant", "I'm sorry, I have no other times to offer right now. The team will call you with new options."],
        ["user", "Okay, thank you."],
      ],
      extraction: {
        call_outcome: "RESCHEDULED",
        final_slot: null,
        notes: "Candidate asked for another day; none was offered.",
      },
      outcome: `${context.firstName} cannot attend ${context.interviewSpoken} and asked for another day; none was available.`,
    };
  }
  const index = Math.floor(random.next() * context.alternatives.length);
  const choice = context.alternatives[index]!;
  const options = context.alternatives.map((option, i) => `Option ${i + 1}: ${option.spoken}.`).join(" ");
  return {
    turns: [
      ...asks,
      ["assistant", `I completely understand. ${options} Which of these suits you best?`],
      ["user", `Let's do ${choice.spoken}, please.`],
      ["assistant", `Perfect. I've rescheduled your interview to ${choice.spoken}. Thank you for working with me on this!`],
      ["user", "Thanks, bye."],
    ],
    extraction: {
      call_outcome: "RESCHEDULED",
      final_slot: choice.slot,
      notes: `Candidate had a conflict and chose option ${index + 1}.`,
    },
    outcome: `${context.firstName} could not attend ${context.interviewSpoken} and chose ${choice.spoken} instead.`,
  };
}

/** "Stop calling me", in the call's language. */
function stopCalling(context: CallContext): Ending {
  const ask = context.language === "hi" ? "कृपया मुझे दोबारा कॉल मत कीजिए।" : "Please stop calling me.";
  return {
    turns: [
      ["user", ask],
      ["assistant", "I understand. We will not call you again. Goodbye."],
    ],
    extraction: { call_outcome: "DO_NOT_CALL", final_slot: null, notes: "Candidate asked not to be called again." },
    outcome: `${context.firstName} asked not to be called again.`,
  };
}

function transferred(context: CallContext): Ending {
  return {
    turns: [
      ["user", "I have a question about the salary. Can I talk to the recruiter?"],
      ["assistant", "Of course. Let me transfer you to the recruiter now; please stay on the line."],
    ],
    extraction: { call_outcome: "TRANSFERRED", final_slot: null, notes: "Candidate asked for the recruiter; transferred." },
    outcome: `${context.firstName} asked for the recruiter and was transferred.`,
    transferredTo: RECRUITER_NUMBER,
  };
}

/** The ending of a scenario that needs nothing from outside the call (the agent's tools are in ./agent-tools.ts). */
function endingOf(scenario: AnsweredScenario, context: CallContext, random: Random): Ending {
  switch (scenario) {
    case "confirmed":
      return confirmed(context);
    case "declined":
      return declined(context);
    case "rescheduled":
      return rescheduled(context, random);
    case "stop-calling":
      return stopCalling(context);
    case "transferred":
      return transferred(context);
  }
}

/** The asking half of a reschedule, for the tools' version of the conversation. */
export function asksToMove(context: CallContext): Turn[] {
  return [...offerBookedSlot(context), ["user", "No, I have a conflict then. Could we find a different day?"]];
}

export function converse(scenario: AnsweredScenario, context: CallContext, random: Random): Conversation {
  return conversationOf(endingOf(scenario, context, random), context, random);
}

/** The whole call from an ending: the opening, the transcript, the extraction, the summary and the length. */
export function conversationOf(ending: Ending, context: CallContext, random: Random): Conversation {
  const { turns, extraction, outcome } = ending;
  const all = [...opening(context), ...turns];
  const transcript = all.map(([speaker, words]) => `${speaker}: ${words}\n`).join("");
  const agentCharacters = all.reduce((sum, [speaker, words]) => sum + (speaker === "assistant" ? words.length : 0), 0);
  return {
    transcript,
    extractedData: {
      call_outcome: extraction.call_outcome,
      original_slot: context.originalSlot,
      final_slot: extraction.final_slot,
      notes: extraction.notes,
    },
    summary:
      context.direction === "inbound"
        ? `${context.candidateName} called the interview line. ${outcome}`
        : `Ava called ${context.candidateName} about the ${context.position} interview. ${outcome}`,
    transferredTo: ending.transferredTo,
    // About the pace of the sample calls, with some spread.
    seconds: Math.round((transcript.length / 13 + random.next() * 6) * 10) / 10,
    agentCharacters,
  };
}
