/** Placeholder so the shell compiles; the real view comes from the `insights` branch. */
export default function Insights() {
  return <p>Coming soon.</p>;
}
