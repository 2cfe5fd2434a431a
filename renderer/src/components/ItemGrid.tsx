// The library's items as a grid of covers or a list, virtualised (only the visible rows are in the
// page, so 10,000 items stay smooth) and navigable with the arrow keys (one tab stop; arrows,
// Home/End and PageUp/PageDown move; Enter opens). Where two rows of tall cards would not fit the
// height (a netbook's 1024×600, a 1280×720 screen), the grid shows tiles instead: a small cover
// beside the title, so the person sees several rows of what is on the drive, not half a cover.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LibraryItem } from '../../../main/api';
import { ItemCard, ItemRow } from './ItemCard';
import { coverLooks } from './cover-look';

export type ItemView = 'grid' | 'list';

const GAP_PX = 16;
/** Cards grow with the text size, so titles at 24 px still fit their card. */
const MIN_CARD_REM = 8.5;
/** A tile (cover beside the title) is at least this wide. */
const MIN_TILE_REM = 15;
/** A card's words under its cover (title of up to three lines, the type, padding), in rem. */
const CARD_TEXT_REM = 6.5;

function remPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

interface ItemGridProps {
  items: LibraryItem[];
  view: ItemView;
  label: string;
  hrefOf: (item: LibraryItem) => string;
  /** Where to start (returning from a reader), and whether to put focus there. */
  initialIndex: number;
  initialOffset: number;
  focusOnMount: boolean;
  /** Called with the item that has focus and the scroll position, to come back to them later. */
  onPlace: (index: number, scrollOffset: number) => void;
}

export function ItemGrid({ items, view, label, hrefOf, initialIndex, initialOffset, focusOnMount, onPlace }: ItemGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const { width, height } = size;
  const [active, setActive] = useState(() => Math.min(initialIndex, Math.max(0, items.length - 1)));
  const pendingFocus = useRef<number | null>(focusOnMount ? active : null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const rem = remPx();
  const columnsOf = (min: number) => Math.max(1, Math.floor((width - GAP_PX) / (min + GAP_PX)));
  const widthOf = (cols: number) => (width - 2 * GAP_PX - (cols - 1) * GAP_PX) / cols;
  // Two rows of cards (a 3:4 cover and the words under it) must fit, or the grid shows tiles.
  const cardRow = widthOf(columnsOf(MIN_CARD_REM * rem)) * (4 / 3) + CARD_TEXT_REM * rem + GAP_PX;
  const tiles = view === 'grid' && height > 0 && 2 * cardRow + GAP_PX > height;
  const columns = view === 'list' ? 1 : columnsOf((tiles ? MIN_TILE_REM : MIN_CARD_REM) * rem);
  const rowCount = Math.ceil(items.length / columns);
  const cardWidth = widthOf(columns);
  // Covers are decided over the whole list: no two neighbours (beside or above) look the same.
  const looks = useMemo(() => coverLooks(items, columns), [items, columns]);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    // A first guess; each row is measured once shown (text size changes row heights).
    estimateSize: () => (view === 'list' ? 76 : tiles ? Math.round(7.5 * rem) : Math.round(cardWidth * 1.33) + 96),
    overscan: 3,
    initialOffset,
    paddingStart: GAP_PX,
    paddingEnd: GAP_PX,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, view, columns, width, tiles]);

  // Keep the active item inside the list when the list changes (filter, sort).
  const current = Math.min(active, Math.max(0, items.length - 1));
  const activeRef = useRef(current);
  activeRef.current = current;

  // Switching between grid and list (or a new number of columns) keeps the active item in view.
  const layout = `${view}:${columns}:${tiles}`;
  const lastLayout = useRef<string | null>(null);
  useEffect(() => {
    if (width === 0 || lastLayout.current === layout) return;
    const first = lastLayout.current === null;
    lastLayout.current = layout;
    if (!first) virtualizer.scrollToIndex(Math.floor(activeRef.current / columns), { align: 'center' });
  }, [layout, columns, width, virtualizer]);

  const focusItem = useCallback((index: number) => {
    let tries = 0;
    const attempt = () => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-item-index="${index}"]`);
      if (el) {
        el.focus({ preventScroll: true });
        pendingFocus.current = null;
      } else if (tries++ < 10) {
        requestAnimationFrame(attempt);
      }
    };
    attempt();
  }, []);

  useEffect(() => {
    if (pendingFocus.current === null || items.length === 0) return;
    virtualizer.scrollToIndex(Math.floor(pendingFocus.current / columns), { align: 'auto' });
    focusItem(pendingFocus.current);
  }, [virtualizer, columns, items.length, focusItem]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
    focusItem(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || items.length === 0) return;
    const visibleRows = Math.max(1, virtualizer.getVirtualItems().length - 2 * 3);
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      ArrowDown: current + columns,
      ArrowUp: current - columns,
      PageDown: current + columns * visibleRows,
      PageUp: current - columns * visibleRows,
      Home: 0,
      End: items.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    // Down from the last full row goes to the last item rather than nowhere.
    if (e.key === 'ArrowDown' && to >= items.length && Math.floor(current / columns) < rowCount - 1) moveTo(items.length - 1);
    else if (to >= 0 && to < items.length) moveTo(to);
    else if (e.key === 'PageDown' || e.key === 'PageUp') moveTo(to);
  };

  const rows = virtualizer.getVirtualItems();
  const firstShown = rows.length > 0 ? (rows[0]?.index ?? 0) * columns : 0;
  const lastShown = rows.length > 0 ? ((rows.at(-1)?.index ?? 0) + 1) * columns - 1 : -1;
  // One tab stop: the active item when it is in the page, else the first one shown.
  const tabStop = current >= firstShown && current <= lastShown ? current : firstShown;

  return (
    <div
      ref={scroller}
      className={`item-scroller item-scroller--${view}${tiles ? ' item-scroller--tiles' : ''}`}
      onScroll={() => onPlace(current, virtualizer.scrollOffset ?? 0)}
    >
      <div role="list" aria-label={label} className="item-space" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {rows.map((row) => {
          const start = row.index * columns;
          const rowItems = items.slice(start, start + columns);
          return (
            <div
              key={row.key}
              role="presentation"
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={view === 'list' ? 'item-row-wrap' : 'item-grid-row'}
              style={{
                transform: `translateY(${row.start}px)`,
                gridTemplateColumns: view === 'grid' ? `repeat(${columns}, minmax(0, 1fr))` : undefined,
              }}
            >
              {rowItems.map((item, i) => {
                const index = start + i;
                const common = {
                  item,
                  href: hrefOf(item),
                  index,
                  setSize: items.length,
                  tabIndex: index === tabStop ? 0 : -1,
                  look: looks[index],
                  onFocus: () => {
                    setActive(index);
                    onPlace(index, virtualizer.scrollOffset ?? 0);
                  },
                };
                return view === 'list' ? <ItemRow key={item.path} {...common} /> : <ItemCard key={item.path} {...common} />;
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
