import { auth, candidateIdByPhone, createCandidate, expect, freshPhone, test } from "./support";

/** The candidate page has Edit and Call now, a title with the name, and recordings that play or say why not. */

const stamp = () => String(Date.now() % 1_000_000);

test.describe("as a recruiter", () => {
  test.use({ role: "recruiter" });

  test("a recruiter edits the interview and the zone; the change is audited", async ({ page, request }) => {
    const candidate = await createCandidate(request, { name: `Edit Me ${stamp()}`, interviewAt: "2027-06-01T04:30:00Z" });
    await page.goto(`/candidates/${candidate.id}`);
    await expect(page.getByTestId("interview-at")).toContainText("Tue 1 Jun 2027, 10:00 IST");
    await page.getByRole("link", { name: "Edit" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${candidate.name}`);
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");
    await expect(page.getByLabel("Interview (Asia/Kolkata)")).toHaveValue("2027-06-01T10:00");
    await page.getByLabel("Time zone").selectOption("Asia/Dubai");
    await page.getByLabel("Interview (Asia/Dubai)").fill("2027-06-02T11:00");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(candidate.name);
    await expect(page.getByTestId("interview-at")).toContainText("Wed 2 Jun 2027, 11:00 GST");
    const entry = page.getByRole("table", { name: "Audit trail" }).locator("tbody tr").first();
    await expect(entry).toContainText("Edited by e2e-recruiter@example.com: time zone, interview");
    await expect(entry).toContainText("Tue 1 Jun 2027, 08:30 GST");
  });

  test("a recruiter calls from the candidate page; the demo recording plays", async ({ page, request }) => {
    test.setTimeout(90_000);
    const candidate = await createCandidate(request, { name: `Page Call ${stamp()}`, phone: freshPhone(7) });
    await page.goto(`/candidates/${candidate.id}`);
    await page.getByRole("button", { name: /Call now/ }).click();
    await expect(page.getByTestId("candidate-status")).toHaveText("Confirmed", { timeout: 60_000 });

    const audio = page.locator("audio");
    await expect(audio).toHaveAttribute("src", /^\/api\/demo\/recordings\/[\w-]+\.wav$/);
    const duration = await audio.evaluate(
      (element: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (element.readyState >= 1) return resolve(element.duration);
          element.addEventListener("loadedmetadata", () => resolve(element.duration));
          element.addEventListener("error", () => reject(new Error("the recording did not load")));
          element.load();
        }),
    );
    expect(duration).toBeGreaterThan(1);
    await expect(page.getByRole("article").getByRole("alert")).toHaveCount(0);
  });
});

test("each candidate's tab has the candidate's name", async ({ page, request }) => {
  await page.goto(`/candidates/${await candidateIdByPhone(request, "+919800000107")}`);
  await expect(page).toHaveTitle("Meera Pillai · Callboard");
  await page.goto(`/candidates/${await candidateIdByPhone(request, "+919800000108")}`);
  await expect(page).toHaveTitle("Rohan Das · Callboard");
  await page.goto("/slots");
  await expect(page).toHaveTitle("Interview slots · Callboard");
});

test.describe("signed out", () => {
  test.use({ role: null });

  test("demo recordings are served only to signed-in people", async ({ request }) => {
    expect((await request.get("/api/demo/recordings/abc.wav")).status()).toBe(401);
  });
});

test("a demo recording is a generated WAV file", async ({ request }) => {
  const wav = await request.get("/api/demo/recordings/abc.wav", { headers: auth });
  expect(wav.status()).toBe(200);
  expect(wav.headers()["content-type"]).toBe("audio/wav");
  expect((await wav.body()).subarray(0, 4).toString()).toBe("RIFF");
  expect((await request.get("/api/demo/recordings/..%2Fsecret", { headers: auth })).status()).toBe(404);
});
