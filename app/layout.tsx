import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Auteur — type an idea, get a film",
  description: "Screenplay, character-locked shots, voices, sound and score, stitched into a film.",
};

export const viewport: Viewport = { themeColor: "#0d0e11", colorScheme: "dark" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
