import { describe, expect, it } from 'vitest';
import { BLOCK_SPAN_MS, MAX_BLOCK_EVENTS, type BlockEvent, cutBlocks, packEvent, unpackBlock } from './trail-blocks.js';

const event = (timeMs: number, rest: string, resources: BlockEvent['resources'] = []): BlockEvent => ({
  timeMs,
  eventId: `0190f6a2-${String(timeMs).padStart(4, '0').slice(-4)}-7abc-8def-0123456789ab`,
  resources,
  rest,
});

describe('audit blocks', () => {
  it('unpacks what was packed, whatever the rest and resources hold', () => {
    const events = [
      event(1, ',"requestParameters":{"a":";,;"},"requestID":"r1"'),
      event(2, '', [{ type: 'AWS::IAM::User', name: 'ä;,"x' }]),
      event(3, ',"errorMessage":"😀 no\\nline"'),
    ];
    expect(unpackBlock(events.map(packEvent).join(''))).toEqual(events);
  });

  it('refuses a block cut short instead of reading past it', () => {
    const text = packEvent(event(1, ',"requestID":"r1"'));
    expect(() => unpackBlock(text.slice(0, -3))).toThrow(/corrupt audit block/);
    expect(() => unpackBlock('12,abc')).toThrow(/corrupt audit block/);
  });

  it('cuts a batch into time-ordered blocks of bounded size and span', () => {
    const times = [5, 0, BLOCK_SPAN_MS, BLOCK_SPAN_MS + 1, 3 * BLOCK_SPAN_MS];
    expect(cutBlocks(times.map((timeMs) => ({ timeMs }))).map((b) => b.map((e) => e.timeMs))).toEqual([
      [0, 5, BLOCK_SPAN_MS],
      [BLOCK_SPAN_MS + 1],
      [3 * BLOCK_SPAN_MS],
    ]);
    const full = cutBlocks(Array.from({ length: 2 * MAX_BLOCK_EVENTS + 1 }, () => ({ timeMs: 7 })));
    expect(full.map((b) => b.length)).toEqual([MAX_BLOCK_EVENTS, MAX_BLOCK_EVENTS, 1]);
  });
});
