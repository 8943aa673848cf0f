-- The invite's SEQUENCE is raised by the write that moves, cancels or restores the interview
-- (lib/candidates/save-candidate.ts), in the same UPDATE: these triggers made every such write update the
-- candidate twice (and fire its triggers twice), and the code read the value back afterwards.
DROP TRIGGER `candidates_invite_sequence_moved`;
--> statement-breakpoint
DROP TRIGGER `candidates_invite_sequence_cancelled`;
