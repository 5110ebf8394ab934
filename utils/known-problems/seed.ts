/**
 * The catalogue the extension ships (seed-catalogue.json), validated once: the form uses it
 * offline and until the API's copy arrives; the API serves it until support replaces it.
 */
import seed from './seed-catalogue.json';
import { CatalogueSchema, type Catalogue } from './schema';

export const SEED_CATALOGUE: Catalogue = CatalogueSchema.parse(seed);
