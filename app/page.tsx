import { redirect } from "next/navigation";

// Clusters is the first page that exists; the root becomes Overview once that is built.
export default function Home() {
  redirect("/clusters");
}
