import { AuthPanel } from "@/components/auth-panel";

export default function HomePage() {
  return (
    <main>
      <h1>Todo</h1>
      <AuthPanel />
    </main>
  );
}
