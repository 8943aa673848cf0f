import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("reads a variable set to nothing as unset, whatever its type: the default applies", () => {
    const config = parseEnv({ PORT: "", HOSTNAME: " ", CALL_RETRIES: "", SEED_DEMO: "", API_TOKEN: "", LOG_FORMAT: "" });
    expect(config.PORT).toBe(3000);
    expect(config.HOSTNAME).toBe("0.0.0.0");
    expect(config.CALL_RETRIES).toBe(0);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.API_TOKEN).toBeUndefined();
    expect(config.LOG_FORMAT).toBeUndefined();
  });

  it("still refuses a bad value, naming every variable at fault", () => {
    expect(() => parseEnv({ PORT: "0", LOG_FORMAT: "xml", API_TOKEN: "short" })).toThrow(/PORT[\s\S]*LOG_FORMAT[\s\S]*API_TOKEN/);
  });
});
