import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { TodosApp } from "@/components/todos/todos-app";
import { getEnv } from "@/env";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Todos · Todo" };

export default async function TodosPage() {
  const { user } = await requireSession("/todos");
  return (
    <>
      <AppHeader name={user.name} email={user.email} wide />
      <main className="page wide">
        <h1 className="visually-hidden">Your todos</h1>
        {/* Read on the server at run time, so one build serves any API address. */}
        <TodosApp apiUrl={getEnv().NEXT_PUBLIC_API_URL} userId={user.id} />
        <footer className="page-footer">
          Calling the API yourself? <Link href="/account/api-keys">Create an API key</Link>
        </footer>
      </main>
    </>
  );
}
