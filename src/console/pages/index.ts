import type { PageGroup } from '../app.js';
import { registerHome } from './home.js';

/** Every page group behind sign-in, in the order their routes are tried. */
export const consolePages: PageGroup[] = [registerHome];
