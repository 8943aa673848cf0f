import { describe, expect, it } from "vitest";
import { demoRecordingId, demoRecordingPath, demoRecordingWav } from "./recording-audio";

describe("demo recordings", () => {
  it("is a valid 8 kHz 8-bit mono WAV of six seconds, the same for the same id", () => {
    const wav = Buffer.from(demoRecordingWav("abc-123"));
    expect(wav.subarray(0, 4).toString()).toBe("RIFF");
    expect(wav.subarray(8, 16).toString()).toBe("WAVEfmt ");
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt32LE(40)).toBe(6 * 8000);
    expect(wav.length).toBe(44 + 6 * 8000);
    expect(Buffer.from(demoRecordingWav("abc-123")).equals(wav)).toBe(true);
    expect(Buffer.from(demoRecordingWav("other")).equals(wav)).toBe(false);
    // Not silence: the samples move away from the midpoint.
    expect(Math.max(...wav.subarray(44, 44 + 8000))).toBeGreaterThan(160);
  });

  it("serves only <id>.wav, and plays a demo URL from the page's own origin", () => {
    expect(demoRecordingId("5f8a1d3b-0c2e.wav")).toBe("5f8a1d3b-0c2e");
    expect(demoRecordingId("../etc/passwd.wav")).toBeNull();
    expect(demoRecordingId("abc.mp3")).toBeNull();
    expect(demoRecordingPath("http://127.0.0.1:3000/api/demo/recordings/abc.wav")).toBe("/api/demo/recordings/abc.wav");
    expect(demoRecordingPath("https://bolna-call-recordings.s3.amazonaws.com/AC1/RE2")).toBeNull();
    expect(demoRecordingPath("not a url")).toBeNull();
  });
});
