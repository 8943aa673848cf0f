import { sessionFile, auth, createCandidate, daysFromNow, expect, freshPhone, openBoard, test } from "./support";

/** One clock model (every time says its zone), and no past dates by accident. */

const stamp = () => String(Date.now() % 1_000_000);

test("a slot in the past is refused by the API and by the form, which keeps what was typed", async ({ page, request }) => {
  const refused = await request.post("/api/slots", { headers: auth, data: { startsAt: daysFromNow(-1) } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("startsAt");

  await page.goto("/slots");
  await page.getByLabel("Starts at (UTC)").fill("2020-01-01T09:00");
  await page.getByRole("button", { name: "Add slot" }).click();
  await expect(page.getByText("The slot is in the past; pick a time that has not begun")).toBeVisible();
  await expect(page.getByLabel("Starts at (UTC)")).toHaveValue("2020-01-01T09:00");
  await expect(page.getByRole("row", { name: /1 Jan 2020/ })).toHaveCount(0);
});

test("an interview in the past is refused unless the client says it means it", async ({ request }) => {
  const phone = freshPhone(1);
  const refused = await request.post("/api/candidates", {
    headers: auth,
    data: { name: "Past Refused", phone, interviewAt: "2020-01-01T10:00:00Z" },
  });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { code: string; field: string } }).error).toMatchObject({
    code: "validation_failed",
    field: "interviewAt",
  });
  const meant = await createCandidate(request, {
    name: "Past Meant",
    phone,
    interviewAt: "2020-01-01T10:00:00Z",
    allowPast: true,
  });
  expect(meant.interviewAt).toBe("2020-01-01T10:00:00.000Z");

  const csv = (allowPast: string) =>
    `name,phone,interview_at,allow_past\nCsv Past,${freshPhone(1)},2020-01-01 10:00,${allowPast}\n`;
  const check = async (allowPast: string) =>
    (await (
      await request.post("/api/candidates/import?dryRun=1", {
        headers: { ...auth, "content-type": "text/csv" },
        data: csv(allowPast),
      })
    ).json()) as { valid: number; errors: { field: string; reason: string }[] };
  const without = await check("");
  expect(without.valid).toBe(0);
  expect(without.errors[0]).toMatchObject({ field: "interview_at", reason: expect.stringContaining("allow_past") });
  expect((await check("yes")).valid).toBe(1);
});

test("the add form refuses a past interview until the box is ticked, keeping every field", async ({ page }) => {
  const name = `Form Past ${stamp()}`;
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Phone").fill(freshPhone(1));
  await page.getByLabel("Time zone").selectOption("Asia/Kolkata");
  await expect(page.getByLabel("Interview (Asia/Kolkata)")).toBeVisible();
  await page.getByLabel("Interview (Asia/Kolkata)").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Add candidate" }).click();

  await expect(
    page.getByText("Wed 1 Jan 2020, 10:00 IST has passed. To record a past interview, tick the box below."),
  ).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");
  await expect(page.getByLabel("Interview (Asia/Kolkata)")).toHaveValue("2020-01-01T10:00");

  await page.getByLabel("The interview is in the past: record it anyway").check();
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("interview-at")).toContainText("Wed 1 Jan 2020, 10:00 IST");
  await expect(page.getByTestId("past-interview")).toHaveText("This time has passed");
});

test("the board lists upcoming interviews first and flags the past ones; the demo data lies ahead", async ({ page, request }) => {
  const tag = stamp();
  await createCandidate(request, { name: `Order ${tag} Later`, interviewAt: daysFromNow(30) });
  await createCandidate(request, { name: `Order ${tag} Past`, interviewAt: daysFromNow(-2), allowPast: true });
  await createCandidate(request, { name: `Order ${tag} Soon`, interviewAt: daysFromNow(5) });

  await openBoard(page, `?q=${tag}`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(`Order ${tag} Soon`);
  await expect(rows.nth(1)).toContainText(`Order ${tag} Later`);
  await expect(rows.nth(2)).toContainText(`Order ${tag} Past`);
  await expect(rows.nth(2).getByTestId("past-interview")).toHaveText("Passed without an answer");
  await expect(rows.nth(0).getByTestId("past-interview")).toHaveCount(0);

  await openBoard(page, `?attention=1&q=${tag}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("The interview time has passed");

  await openBoard(page, "?q=Meera%20Pillai");
  await expect(page.getByRole("row", { name: /Meera Pillai/ }).getByTestId("past-interview")).toHaveCount(0);
});

test("calling about a past interview asks first, and the API refuses it without allowPast", async ({ page, request }) => {
  const past = await createCandidate(request, { name: `Call Past ${stamp()}`, interviewAt: daysFromNow(-1), allowPast: true });
  const refused = await request.post(`/api/candidates/${past.id}/call`, { headers: auth });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("interview_passed");

  await openBoard(page, `?q=${encodeURIComponent(past.name)}`);
  await page
    .getByRole("row", { name: new RegExp(past.name) })
    .getByRole("button", { name: /Call now/ })
    .click();
  const dialog = page.getByRole("dialog", { name: `Call ${past.name} again?` });
  await expect(dialog).toContainText("has passed");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row", { name: new RegExp(past.name) }).locator("[data-status=pending]")).toBeVisible();
});

test("interview times are the candidate's, labelled; the viewer's clock is added when it differs", async ({ page, browser }) => {
  await openBoard(page, "?q=Meera%20Pillai");
  const row = page.getByRole("row", { name: /Meera Pillai/ });
  await expect(row.locator("time").first()).toHaveText(/^\w{3} \d{1,2} \w{3} \d{4}, 10:00 IST$/);
  // This browser is in India too: one clock is enough.
  await expect(row.getByTestId("viewer-time")).toHaveCount(0);

  const london = await browser.newContext({ storageState: sessionFile("admin"), timezoneId: "Europe/London" });
  const elsewhere = await london.newPage();
  await elsewhere.goto("/?q=Meera%20Pillai");
  await expect(elsewhere.getByRole("row", { name: /Meera Pillai/ }).getByTestId("viewer-time")).toHaveText(
    /^\w{3} \d{1,2} \w{3} \d{4}, 04:30 GMT your time$/,
  );
  await london.close();
});

test("other times say their zone: batches, the import preview, inputs", async ({ page, request }) => {
  test.setTimeout(60_000);
  const batched = await createCandidate(request, { name: `Clock Batch ${stamp()}`, phone: freshPhone(7) });
  const created = await request.post("/api/batches", { headers: auth, data: { candidateIds: [batched.id], pacingMs: 0 } });
  const { batch } = (await created.json()) as { batch: { id: number } };
  await page.goto(`/batches/${batch.id}`);
  await expect(page.getByText(/started \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d IST by/)).toBeVisible();
  await page.goto("/batches");
  await expect(page.getByRole("row", { name: new RegExp(`Batch #${batch.id}`) })).toContainText(/\d\d:\d\d IST/);

  await page.goto("/candidates/import");
  const csv = `name,phone,interview_at,time_zone\nPreview One,${freshPhone(1)},2027-03-01 10:00,America/New_York\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByRole("row", { name: /Preview One/ });
  await expect(preview).toContainText("Mon 1 Mar 2027, 10:00 EST");
  await expect(preview).not.toContainText("T15:00");

  await page.goto("/candidates/new");
  await expect(page.getByLabel("Interview (the candidate's zone)")).toBeVisible();
  await expect(
    page.getByText("Read in the phone's country's zone (UTC, assumed, if it has several or the number tells none)."),
  ).toBeVisible();
});

test("the agent speaks the candidate's own time: 16:30 in India is half past four in the afternoon", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // 11:00 UTC is 16:30 in Kolkata; INTERVIEW_TIMEZONE is unset (UTC) on this server.
  const candidate = await createCandidate(request, {
    name: `Spoken ${stamp()}`,
    phone: freshPhone(1),
    interviewAt: "2027-03-04T11:00:00Z",
  });
  expect(candidate.timeZone).toBe("Asia/Kolkata");
  expect((await request.post(`/api/candidates/${candidate.id}/call`, { headers: auth })).status()).toBe(202);
  await page.goto(`/candidates/${candidate.id}`);
  await expect(page.getByTestId("candidate-status")).toHaveText("Confirmed", { timeout: 60_000 });
  await expect(page.getByRole("list", { name: /Transcript of call/ })).toContainText("at 4:30 in the afternoon");
  await expect(page.getByRole("list", { name: /Transcript of call/ })).not.toContainText("11 o'clock");
});

test("a +1 number gets no guessed zone: UTC, said to be assumed on the board and the candidate page", async ({
  page,
  request,
}, testInfo) => {
  const name = `Assumed Zone ${stamp()}`;
  const candidate = await createCandidate(request, {
    name,
    phone: `+1415555${String(Date.now() % 10_000).padStart(4, "0")}`,
    interviewAt: "2031-03-04T15:00:00Z",
  });
  expect(candidate).toMatchObject({ timeZone: "UTC", timeZoneAssumed: true });
  for (const [width, height] of [
    [390, 844],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openBoard(page, `?q=${encodeURIComponent(name)}`);
    const row = page.locator(`[data-candidate-id="${candidate.id}"]`);
    await expect(row).toContainText("Tue 4 Mar 2031, 15:00 UTC");
    await expect(row.getByTestId("zone-assumed")).toHaveText("zone assumed");
    await page.screenshot({ path: testInfo.outputPath(`board-zone-assumed-${width}.png`), fullPage: true });
    await page.goto(`/candidates/${candidate.id}`);
    await expect(page.getByTestId("zone-assumed")).toBeVisible();
    await expect(page.getByRole("link", { name: "Set the zone" })).toHaveAttribute("href", `/candidates/${candidate.id}/edit`);
    await page.screenshot({ path: testInfo.outputPath(`candidate-zone-assumed-${width}.png`), fullPage: false });
  }
});
