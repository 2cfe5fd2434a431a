// Whether the page is being hidden (the panic key or the hide button): from that moment nothing is
// saved, so hiding never records which item was open or where.
let hiding = false;

export function startHiding(): void {
  hiding = true;
}

export function isHiding(): boolean {
  return hiding;
}
