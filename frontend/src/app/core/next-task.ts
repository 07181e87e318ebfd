/**
 * A promise settled in a later task. Awaited at a seam of the start-up (the app's injector made, the
 * session's answer in), it lets the browser paint and answer input between parts that together were
 * one long task on a phone's CPU; the work itself is the same.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
