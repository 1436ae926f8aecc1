import { create } from 'zustand';
import type { Message } from '../hub/errors.js';

/** The one notice bar under the header (a write the hub refused, an observation it ended). */
export const useNotice = create<{ notice: Message | null }>()(() => ({ notice: null }));

export const showNotice = (notice: Message | null) => useNotice.setState({ notice });
