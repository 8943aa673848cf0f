import { expect, test } from "./support";

/** A form refused by the server shows what was typed, with the error beside the field. */

test("adding a candidate with a bad phone keeps every field", async ({ page }) => {
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill("Kept Typing");
  await page.getByLabel("Phone").fill("12345");
  await page.getByLabel("Email").fill("kept@example.com");
  await page.getByLabel("Position").fill("Designer");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Interview (Europe/Berlin)").fill("2027-05-04T09:30");
  await page.getByRole("checkbox").nth(1).check();
  await page.getByRole("button", { name: "Add candidate" }).click();

  await expect(page.getByText("Not a valid phone number")).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Kept Typing");
  await expect(page.getByLabel("Phone")).toHaveValue("12345");
  await expect(page.getByLabel("Email")).toHaveValue("kept@example.com");
  await expect(page.getByLabel("Position")).toHaveValue("Designer");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByLabel("Interview (Europe/Berlin)")).toHaveValue("2027-05-04T09:30");
  await expect(page.getByRole("checkbox").nth(1)).toBeChecked();
});

test("adding a user with a short password keeps the name, email, role and password", async ({ page }) => {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Short Password");
  await form.getByLabel("Email").fill("short.password@example.com");
  await form.getByLabel("Initial password").fill("short");
  await form.getByLabel("Role").selectOption("admin");
  await form.getByRole("button", { name: "Add user" }).click();

  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Short Password");
  await expect(form.getByLabel("Email")).toHaveValue("short.password@example.com");
  await expect(form.getByLabel("Role")).toHaveValue("admin");
  await expect(form.getByLabel("Initial password")).toHaveValue("short");
});

test("changing the password with a wrong current one keeps the new ones typed", async ({ page }) => {
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-1");
  await page.getByLabel("Repeat the new password").fill("a-new-password-1");
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page.getByText("That is not your current password")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("a-new-password-1");
  await expect(page.getByLabel("Repeat the new password")).toHaveValue("a-new-password-1");
  await expect(page.getByLabel("Current password")).toHaveValue("not-my-password");
});

test("adding a slot with a bad capacity keeps the time", async ({ page }) => {
  await page.goto("/slots");
  await page.getByLabel("Starts at (UTC)").fill("2029-02-02T10:15");
  await page.getByLabel("Capacity", { exact: true }).fill("0");
  await page.getByRole("button", { name: "Add slot" }).click();
  await expect(page.getByText("Must be at least 1")).toBeVisible();
  await expect(page.getByLabel("Starts at (UTC)")).toHaveValue("2029-02-02T10:15");
  await expect(page.getByLabel("Capacity", { exact: true })).toHaveValue("0");
});

test("starting a batch without candidates keeps the settings", async ({ page }) => {
  await page.goto("/batches");
  await page.getByLabel("Calls at the same time").fill("7");
  await page.getByLabel("Seconds between call starts").fill("2.5");
  await page.getByRole("button", { name: "Start batch" }).click();
  await expect(page.getByText("Choose candidates, or allPending")).toBeVisible();
  await expect(page.getByLabel("Calls at the same time")).toHaveValue("7");
  await expect(page.getByLabel("Seconds between call starts")).toHaveValue("2.5");
});
