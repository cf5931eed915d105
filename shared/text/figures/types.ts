/** The figures' types live with the other plain types (shared/types/), where the domain can use them. */
export type * from '../../types/figures';
