// Expected values, by hand from the rule book (SPEC §1, §3.2, §4.3), not from running the code.
/** SPEC §1: the built-in policy's version label. */
export const POLICY_VERSION = '2026.11';
/** SPEC §3.2: 101 chat tokens at 65/35 → 65 + 36. */
export const CHAT_101 = { creator: 65, platform: 36 } as const;
/** SPEC §4.3 examples: message → billable words. */
export const WORDS: ReadonlyArray<readonly [string, number]> = [
  ['I ❤️ you', 2],
  ['HTTP://EXAMPLE.COM/x y', 1],
  ['e-mail', 2],
  ["don't", 1],
];
