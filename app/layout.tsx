import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Callboard",
  description: "Interview-confirmation calls placed by Bolna, live.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
