/** Each actor's display name by id, from data/actors/actors.yaml at build time (see vite.config.ts). */
declare module "virtual:actor-names" {
  const names: Readonly<Record<string, string>>;
  export default names;
}
