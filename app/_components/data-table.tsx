import type { ReactNode } from "react";

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes of this column's cells (not its header). */
  className?: string;
  align?: "left" | "right";
  /** The cell names its row (`<th scope="row">`), so a row's accessible name starts with it. */
  rowHeader?: boolean;
  /** On a phone card, where the header row is hidden: the word shown before the value. */
  cardLabel?: string;
  /** A `<col>` class, for fixed layouts (`md:w-[20%]`). */
  width?: string;
  /** A sorted column's direction, for screen readers (the header itself holds the sorting link). */
  sort?: "ascending" | "descending";
};

type RowProps = { className?: string; [attribute: `data-${string}`]: string | number | boolean | null | undefined };

type Props<Row> = {
  /** `false` leaves a column out (one only some roles see). */
  columns: (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** The table's accessible name: a caption read by screen readers only, or the id of a visible heading. */
  name: { caption: string } | { labelledBy: string };
  /** Shown instead of the table when there is no row; without it an empty table is drawn. */
  empty?: ReactNode;
  /**
   * On a phone: "cards" restyles each row as a card, its values under each other with their `cardLabel`s (the
   * markup stays a table for screen readers); "scroll" keeps the grid and scrolls it sideways inside its box,
   * for narrow technical or numeric columns that read best side by side.
   */
  phone?: "cards" | "scroll";
  /** A table inside a card already: no frame or header band of its own, and tighter cells. */
  plain?: boolean;
  /**
   * The first column names the row and the others are figures: right-aligned and tabular, styled once on the
   * table rather than on each cell (a 90-day table has hundreds, each sent twice: HTML and server payload).
   */
  figures?: boolean;
  /** Classes added to the `<table>` (`md:table-fixed`, `whitespace-nowrap`). */
  className?: string;
  /** A phone card's layout in place of one value under another (a grid that places some values side by side). */
  cardLayout?: string;
  /** Per row: `data-*` hooks for tests and a class (a row with a problem tinted). */
  rowProps?: (row: Row) => RowProps;
};

const FRAME = "rounded-lg bg-white shadow-sm ring-1 ring-slate-200";
const HEAD_BAND = "bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700";
const HEAD_PLAIN = "text-left text-xs uppercase tracking-wide text-slate-600 [&_th]:font-medium";
/** Cell padding is set once on the table: only a column's own classes go on each of its cells. */
const CELLS = {
  cards: "[&>thead>tr>th]:px-3 [&>thead>tr>th]:py-2 md:[&>tbody>tr>*]:px-3 md:[&>tbody>tr>*]:py-2",
  scroll: "[&>*>tr>*]:px-3 [&>*>tr>*]:py-2",
  plain: "[&>*>tr>*]:py-1 [&>*>tr>*]:pr-3 [&>*>tr>*:last-child]:pr-0",
};
const FIGURES = "[&_td]:text-right [&_td]:tabular-nums [&>thead_th:not(:first-child)]:text-right";
const ROW_HEADERS = "[&>tr>th]:text-left [&>tr>th]:font-medium";
const CARD_ROW = "border-t border-slate-200 p-3 align-top first:border-t-0 hover:bg-slate-50 md:table-row md:p-0";
const CARD_LABEL = "mr-1 text-xs font-medium text-slate-600 md:hidden";

/** A value's label on a phone card, for a cell that shows it only sometimes (the column's `cardLabel` always does). */
export function CardLabel({ children }: { children: ReactNode }) {
  return <span className={CARD_LABEL}>{children}</span>;
}

function alignClass(align: Column<unknown>["align"]): string {
  return align === "right" ? "text-right tabular-nums" : "";
}

/**
 * Every list of rows in the app: a dense table on a wide screen; on a phone a card per row or a grid that
 * scrolls inside its own box (`phone`). Server-compatible: no state, no effects, so a client component can use
 * it too.
 */
export function DataTable<Row>({
  columns: maybeColumns,
  rows,
  rowKey,
  name,
  empty,
  phone = "cards",
  plain = false,
  figures = false,
  className = "",
  cardLayout = "flex flex-col gap-1",
  rowProps,
}: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return plain ? (
      <p className="text-sm text-slate-600">{empty}</p>
    ) : (
      <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-sm text-slate-700">{empty}</p>
    );
  }
  const columns = maybeColumns.filter((column): column is Column<Row> => column !== false);
  const cards = phone === "cards";
  const labelledBy = "labelledBy" in name ? name.labelledBy : undefined;
  const tableClass = [
    "w-full border-collapse text-sm",
    cards ? "block md:table" : "[overflow-wrap:normal]",
    plain ? CELLS.plain : CELLS[phone],
    figures ? FIGURES : "",
    className,
  ].join(" ");
  const table = (
    <table aria-labelledby={labelledBy} className={tableClass}>
      {"caption" in name && <caption className="sr-only">{name.caption}</caption>}
      {columns.some((column) => column.width) && (
        <colgroup>
          {columns.map((column, index) => (
            <col key={index} className={column.width} />
          ))}
        </colgroup>
      )}
      <thead className={`${plain ? HEAD_PLAIN : HEAD_BAND} ${cards ? "max-md:sr-only" : ""}`}>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" aria-sort={column.sort} className={alignClass(column.align)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody
        className={`${ROW_HEADERS} ${cards ? "block md:table-row-group" : "[&>tr]:border-t [&>tr]:border-slate-100 [&>tr]:align-top"}`}
      >
        {rows.map((row) => {
          const { className: rowClass = "", ...attributes } = rowProps?.(row) ?? {};
          return (
            <tr
              key={rowKey(row)}
              {...attributes}
              className={cards ? `${cardLayout} ${CARD_ROW} ${rowClass}` : rowClass || undefined}
            >
              {columns.map((column, index) => {
                const cellClass = `${alignClass(column.align)} ${column.className ?? ""}`.trim() || undefined;
                const content = (
                  <>
                    {cards && column.cardLabel && <span className={CARD_LABEL}>{column.cardLabel}</span>}
                    {column.cell(row)}
                  </>
                );
                return column.rowHeader ? (
                  <th key={index} scope="row" className={cellClass}>
                    {content}
                  </th>
                ) : (
                  <td key={index} className={cellClass}>
                    {content}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  if (cards) return plain ? table : <div className={FRAME}>{table}</div>;
  // The keyboard reaches a box that scrolls, and the box carries the table's name.
  return (
    <div
      className={`overflow-x-auto ${plain ? "" : FRAME}`}
      tabIndex={0}
      role="region"
      aria-label={"caption" in name ? name.caption : undefined}
      aria-labelledby={labelledBy}
    >
      {table}
    </div>
  );
}
