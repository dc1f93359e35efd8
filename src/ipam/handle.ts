// A new allocation's handle: unique enough to tell one ADD of an attachment from the next.

/**
 * Time plus 48 random bits. It only has to differ between two allocations of the same
 * attachment id, which are never made in the same millisecond with the same random draw;
 * Math.random keeps node:crypto out of the ADD path's start-up.
 */
export const newHandle = (now: Date): string =>
  `${now.getTime().toString(36)}-${Math.floor(Math.random() * 2 ** 48)
    .toString(36)
    .padStart(10, "0")}`;
