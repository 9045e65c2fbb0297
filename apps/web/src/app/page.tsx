import { redirect } from "next/navigation";
import { getSession } from "@/lib/session";

// / — straight to the todos when signed in, else to sign-in.
export default async function HomePage() {
  redirect((await getSession()) ? "/todos" : "/sign-in");
}
