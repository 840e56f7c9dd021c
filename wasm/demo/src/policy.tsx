// The policy every panel computes with: the built-in policy, or the built-in policy with a
// JSON merge patch an operator pastes (Policy.fromPatch). A patch the core refuses leaves no
// policy, and every panel shows that refusal instead of a result.
import { createContext, useContext } from 'react';
import type { Failure, Policy } from './core';

export interface PolicyState {
  policy: Policy | null;
  error: Failure | null;
  /** The patch text the policy was built from ('' = built-in or not a patch). */
  patch: string;
  /** Where the policy came from, as shown beside its fingerprint. */
  source?: string;
}

export const PolicyContext = createContext<PolicyState>({ policy: null, error: null, patch: '' });

export const usePolicy = (): PolicyState => useContext(PolicyContext);
