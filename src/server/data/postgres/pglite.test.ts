import { storeConformance } from '../conformance';
import { inMemoryData } from './memory';

storeConformance('PGlite', inMemoryData);
