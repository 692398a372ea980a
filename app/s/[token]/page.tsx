import type { Metadata } from "next";
import { SharedFilm } from "../../_components/shared-film";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "A film made with Auteur",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

/** A shared cut, read-only: plays the film and shows the screenplay; nothing can be changed here. */
export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SharedFilm token={token} />;
}
