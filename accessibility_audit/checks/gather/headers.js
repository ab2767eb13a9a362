// The header cells of every table shown and exposed (HTML tables and ARIA tables and
// grids), each with the cells that are assigned to it: by the headers attribute of
// another cell, or, for a cell without one, by lying below a column header or to the
// right of a row header (a th without scope may be either). Also whether the table has
// any data cell at all (a table still to be filled by a script has none).
const hidden = (element) => element.closest("[aria-hidden=true]") || element.closest("[inert]")
  || !element.checkVisibility({ checkVisibilityCSS: true });
const roleOf = (element) => (element.getAttribute("role") || "").trim().split(/\s+/)[0];
const HEADER_ROLES = ["columnheader", "rowheader"];
const kindOf = (cell) => {
  const role = roleOf(cell);
  if (role === "columnheader") return "column";
  if (role === "rowheader") return "row";
  if (role && role !== "cell" && role !== "gridcell" && cell.localName !== "th") return null;
  if (cell.localName !== "th" || role === "cell" || role === "gridcell") return "data";
  const scope = (cell.getAttribute("scope") || "").toLowerCase();
  if (scope === "col" || scope === "colgroup") return "column";
  if (scope === "row" || scope === "rowgroup") return "row";
  return "auto";
};
// [{cell, r, c, rs, cs}] of an HTML table, with its row and column spans laid out.
const htmlGrid = (table) => {
  const placed = [];
  const taken = [];
  const rows = Array.from(table.rows);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      taken[r] = taken[r] || new Set();
      while (taken[r].has(c)) c++;
      const cs = Math.max(1, cell.colSpan || 1);
      const rs = cell.rowSpan === 0 ? rows.length - r : Math.max(1, cell.rowSpan || 1);
      for (let i = 0; i < rs; i++) {
        taken[r + i] = taken[r + i] || new Set();
        for (let j = 0; j < cs; j++) taken[r + i].add(c + j);
      }
      placed.push({ cell, r, c, rs, cs });
      c += cs;
    }
  });
  return placed;
};
const ARIA_CELL = "[role=cell], [role=gridcell], [role=columnheader], [role=rowheader]";
const ariaGrid = (table) => {
  const placed = [];
  const rows = Array.from(table.querySelectorAll("[role=row]"))
    .filter((row) => row.closest("[role=table], [role=grid], [role=treegrid], table") === table);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.querySelectorAll(ARIA_CELL)) {
      if (cell.closest("[role=row]") !== row) continue;
      const index = parseInt(cell.getAttribute("aria-colindex"), 10);
      if (index > 0) c = index - 1;
      const cs = Math.max(1, parseInt(cell.getAttribute("aria-colspan"), 10) || 1);
      placed.push({ cell, r, c, rs: 1, cs });
      c += cs;
    }
  });
  return placed;
};
const tables = [];
for (const table of document.querySelectorAll("table, [role=table], [role=grid], [role=treegrid]")) {
  const role = roleOf(table);
  if (table.localName === "table" && role && !["table", "grid", "treegrid"].includes(role)) continue;
  if (hidden(table)) continue;
  const placed = table.localName === "table" ? htmlGrid(table) : ariaGrid(table);
  const cells = placed.map((p) => ({ ...p, kind: kindOf(p.cell),
    headers: (p.cell.getAttribute("headers") || "").split(/\s+/).filter(Boolean),
    has_headers: p.cell.hasAttribute("headers") }));
  const headers = [];
  for (const header of cells) {
    if (!["column", "row", "auto"].includes(header.kind) || hidden(header.cell)) continue;
    const id = header.cell.id;
    const assigned = cells.filter((other) => other !== header && other.kind !== null && (
      (id && other.headers.includes(id)) || (!other.has_headers && (
        (header.kind !== "row" && other.r >= header.r + header.rs
          && other.c < header.c + header.cs && other.c + other.cs > header.c)
        || (header.kind !== "column" && other.c >= header.c + header.cs
          && other.r < header.r + header.rs && other.r + other.rs > header.r)))));
    headers.push({ ...a11yOwnNode(header.cell), kind: header.kind, assigned: assigned.length });
  }
  if (headers.length) {
    tables.push({ ...a11yOwnNode(table), headers, data: cells.some((cell) => cell.kind === "data") });
  }
}
return tables;
