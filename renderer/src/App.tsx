// Placeholder until the app shell lands.
export function App() {
  return <main>창문</main>;
}
