/**
 * Serial numbers of credits, as pure functions. Each project and vintage numbers its units 1, 2, 3, …
 * in the order they are issued; one unit is one t CO2e. A range reads
 * `VN-DX-<project code>-<vintage>-<first>-<last>` with 9-digit serials, so ranges sort as text.
 *
 * Holdings are blocks of consecutive serials in one account. Moving or retiring units takes whole or
 * partial blocks; a partial block is split into the part taken and the parts left (the parent block is
 * marked 'split' in the same transaction, so a serial is live in exactly one block).
 */
export const serialRange = (projectCode: string, vintage: number, start: number, end: number) =>
  `VN-DX-${projectCode}-${vintage}-${String(start).padStart(9, '0')}-${String(end).padStart(9, '0')}`;

export interface Block {
  id: string;
  serialStart: number;
  serialEnd: number;
}

export interface Take {
  block: Block;
  start: number;
  end: number;
}

export type Selection = { ok: true; takes: Take[] } | { ok: false; available: number };

/**
 * Which serials to take from active blocks (sorted by serialStart): the lowest `quantity` serials, or
 * exactly `quantity` serials from `serialStart` when given (all of them must be active here).
 */
export function selectSerials(blocks: readonly Block[], quantity: number, serialStart?: number): Selection {
  const sorted = [...blocks].sort((a, b) => a.serialStart - b.serialStart);
  const available = sorted.reduce((n, b) => n + b.serialEnd - b.serialStart + 1, 0);
  const takes: Take[] = [];
  if (serialStart === undefined) {
    let remaining = quantity;
    for (const block of sorted) {
      if (remaining === 0) break;
      const n = Math.min(remaining, block.serialEnd - block.serialStart + 1);
      takes.push({ block, start: block.serialStart, end: block.serialStart + n - 1 });
      remaining -= n;
    }
    return remaining === 0 ? { ok: true, takes } : { ok: false, available };
  }
  const last = serialStart + quantity - 1;
  let next = serialStart;
  for (const block of sorted) {
    if (block.serialEnd < next || block.serialStart > last) continue;
    if (block.serialStart > next) break; // a gap: some serial of the range is not active here
    const end = Math.min(block.serialEnd, last);
    takes.push({ block, start: next, end });
    next = end + 1;
    if (next > last) return { ok: true, takes };
  }
  return { ok: false, available };
}

/** The parts of a block left in place around a take. */
export function remaindersOf(take: Take): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  if (take.start > take.block.serialStart) parts.push({ start: take.block.serialStart, end: take.start - 1 });
  if (take.end < take.block.serialEnd) parts.push({ start: take.end + 1, end: take.block.serialEnd });
  return parts;
}
