/**
 * A review item's life: `open` until a person accepts or corrects the proposal, or until later data decides
 * for them (`superseded`: a newer call, later data of the same call, or a status set by hand).
 */
export const REVIEW_STATES = ["open", "accepted", "corrected", "superseded"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
