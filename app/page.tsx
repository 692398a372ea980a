import { Studio } from "./_components/studio";

export const dynamic = "force-dynamic";

/** The studio: chat on the left, the film (player, storyboard, screenplay) on the right. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { film } = await searchParams;
  return <Studio initialFilmId={typeof film === "string" && film ? film : null} />;
}
