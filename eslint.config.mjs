import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// Drizzle objects are named db or tx everywhere: an update or delete without `where` touches every row.
const drizzleObjects = { drizzleObjectName: ["db", "tx"] };

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", drizzleObjects],
      "drizzle/enforce-update-with-where": ["error", drizzleObjects],
    },
  },
  {
    // db/ sits below the domain: lib/ reads the schema and its value lists (db/values.ts), never the other way
    // round. The validated environment is the one thing db/client.ts takes from above (where the file is).
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)(lib|app)/(?!env$)",
              message: "db/ imports nothing from lib/ or app/: move the value list into db/values.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
