/** Placeholder so the shell compiles; the real view comes from the `builder` branch. */
export default function Builder() {
  return <p>Coming soon.</p>;
}
