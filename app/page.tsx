import { redirect } from "next/navigation";

// An SRE's first screen during an incident is what is failing: the root opens the Overview.
export default function Home() {
  redirect("/overview");
}
