// Whether the person looking at a report may see its internal fields (the comment to the agency).
// Clients and teachers never receive their content from the relay; this hides the empty fields too.
import { createContext } from 'solid-js';

export const ShowInternalFields = createContext(true);
