import { createRandom } from "@/lib/seeded-random";

const RATE = 8000;
const SECONDS = 6;

/** Where Callboard serves demo recordings; the simulator points `recording_url` here (demo mode only). */
export const DEMO_RECORDINGS_PATH = "/api/demo/recordings";

const FILE = /^([\w-]{1,100})\.wav$/;

/** The execution id in a demo recording's file name (`<id>.wav`), or null. */
export function demoRecordingId(file: string): string | null {
  return FILE.exec(file)?.[1] ?? null;
}

/** The same-origin path of a demo recording URL (the simulator writes it absolute, at the address it calls). */
export function demoRecordingPath(url: string): string | null {
  try {
    const { pathname } = new URL(url);
    const file = pathname.startsWith(`${DEMO_RECORDINGS_PATH}/`) ? pathname.slice(DEMO_RECORDINGS_PATH.length + 1) : "";
    return demoRecordingId(file) ? pathname : null;
  } catch {
    return null;
  }
}

/**
 * A few seconds of speech-like sound for a simulated call, so that the player plays something: two voices
 * (a higher one for the agent, a lower one for the candidate) taking turns in syllable-sized bursts. Generated,
 * not stored; the same id always gives the same file. 8 kHz, 8-bit mono WAV, about 48 KB.
 */
export function demoRecordingWav(executionId: string): Uint8Array<ArrayBuffer> {
  const random = createRandom([...executionId].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7));
  const samples = RATE * SECONDS;
  const wav = new Uint8Array(44 + samples);
  const view = new DataView(wav.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples, true);
  ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE, true); // bytes per second
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, samples, true);

  let phase = 0;
  let syllable = { end: 0, pitch: 0, loud: 0 };
  for (let i = 0; i < samples; i++) {
    if (i >= syllable.end) {
      // Turns of about 1.5 s: the agent first, then the candidate; a short pause now and then.
      const agent = Math.floor(i / (RATE * 1.5)) % 2 === 0;
      const pause = random.chance(0.15);
      syllable = {
        end: i + Math.floor(RATE * (0.12 + random.next() * 0.18)),
        pitch: (agent ? 210 : 130) * (0.9 + random.next() * 0.2),
        loud: pause ? 0 : 0.35 + random.next() * 0.25,
      };
    }
    phase += (2 * Math.PI * syllable.pitch) / RATE;
    // A voice is a pitch with overtones; the fade at each syllable's ends avoids clicks.
    const left = syllable.end - i;
    const fade = Math.min(1, left / 200);
    const voice = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
    wav[44 + i] = Math.round(128 + 127 * Math.max(-1, Math.min(1, (voice / 1.75) * syllable.loud * fade)));
  }
  return wav;
}
