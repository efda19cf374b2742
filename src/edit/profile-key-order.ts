import type { Framework } from '../framework/types.js';
import type { FieldPath } from './field-edit.js';
import type { KeyOrder } from './apply-edits.js';

const TOP = ['country', 'name', 'framework', 'assessed', 'status', 'basedOn', 'assessors', 'laws', 'provisions'];
const PROVISION = ['answer', 'elements', 'evidence', 'notes', 'pending'];
const LAW = ['title', 'year', 'inForce', 'url', 'identifier', 'repealedBy', 'notes'];
const EVIDENCE = ['law', 'section', 'quote', 'url', 'elements', 'confidence', 'checked', 'source'];
const BILL = ['bill', 'stage', 'url', 'checked', 'notes'];
const ASSESSOR = ['name', 'organisation', 'role'];

/**
 * Where a new key goes in a profile: the order of `countries/README.md` and of `init`, and the
 * framework's own order for provisions and elements, so a new entry lands where a reviewer expects it.
 */
export function profileKeyOrder(framework?: Framework): KeyOrder {
  const provisions = framework?.tiers.flatMap((t) => t.provisions) ?? [];
  return (path: FieldPath) => {
    const [a, b, c] = path;
    if (path.length === 0) return TOP;
    if (a === 'provisions' && path.length === 1) return provisions.map((p) => p.id);
    if (a === 'provisions' && path.length === 2) return PROVISION;
    if (a === 'provisions' && c === 'elements' && path.length === 3) return provisions.find((p) => p.id === b)?.elements.map((e) => e.id);
    if (a === 'provisions' && c === 'evidence' && path.length === 4) return EVIDENCE;
    if (a === 'provisions' && c === 'pending' && path.length === 4) return BILL;
    if (a === 'laws' && path.length === 2) return LAW;
    if (a === 'assessors' && path.length === 2) return ASSESSOR;
    return undefined;
  };
}
