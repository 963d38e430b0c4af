// Synthetic ground truth for correlation tests and benchmarks of the store and API.
export { type GenerateOptions, generate, type SyntheticData, type TrueIncident } from "./generate.js";
export { type PlacePool, placePool, type SyntheticPlace, syrianPlaces } from "./places.js";
export { Rng } from "./prng.js";
