import { ADMIN, expect, openBoard, signIn, test } from "./support";

test.describe("signed out", () => {
  test.use({ role: null });

  test("visitors without a session are sent to the sign-in page", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers/);
  });

  test("a wrong password shows an error, not a page", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  });

  test("signing out ends the session", async ({ page }) => {
    // Its own session: signing out revokes it, and the specs share the saved ones.
    await signIn(page, ADMIN);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("as a recruiter", () => {
  test.use({ role: "recruiter" });

  test("a recruiter sees the board without admin controls", async ({ page }) => {
    await openBoard(page);
    await expect(page.getByTestId("role")).toHaveText("recruiter");
    await expect(page.getByRole("link", { name: "Add candidate" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Reset all" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);

    await page.goto("/admin/users");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("does not give access");
  });
});

test("an admin sees the admin controls and can add a user", async ({ page }) => {
  await openBoard(page);
  await expect(page.getByTestId("role")).toHaveText("admin");
  await expect(page.getByRole("button", { name: "Reset all" })).toBeVisible();

  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Name").fill("Priya Raman");
  await page.getByLabel("Email").fill("priya.raman@example.com");
  await page.getByLabel("Initial password").fill("priya-initial-pw");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("priya.raman@example.com can now sign in as recruiter");
  await expect(page.getByRole("row", { name: /priya\.raman@example\.com/ })).toBeVisible();
});

test("the reset-all dialog is an in-app dialog that can be cancelled", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Reset all" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset every candidate to pending?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
