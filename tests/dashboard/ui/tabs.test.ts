import { describe, expect, it } from 'vitest';
import { requestedTab } from '../../../dashboard/ui/tabs.ts';

describe('requestedTab', () => {
  it('reads the tab from the hash, with a target after a slash, before ?tab=', () => {
    expect(requestedTab(new URL('http://x/dashboard/?tab=eigen#claims/A.abs.nc'))).toEqual({ id: 'claims', target: 'A.abs.nc' });
    expect(requestedTab(new URL('http://x/dashboard/?tab=eigen'))).toEqual({ id: 'eigen' });
    expect(requestedTab(new URL('http://x/dashboard/#claims/A%2Fb'))).toEqual({ id: 'claims', target: 'A/b' });
    expect(requestedTab(new URL('http://x/dashboard/'))).toBe(null);
  });
});
