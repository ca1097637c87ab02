// Cursor paging state of the history list: pure values, no DOM (tested in test/paging.test.mjs).
// The server hands out an opaque nextCursor per page; going back means remembering the cursor
// that produced each earlier page.

export const SORTS = ["createdAt", "coherenceScore", "title"];
export const ORDERS = ["desc", "asc"];

/** A fresh list state at page 1. */
export function createPaging({ sort = "createdAt", order = "desc", limit = 10, status = "" } = {}) {
  if (!SORTS.includes(sort)) throw new Error(`unknown sort ${sort}`);
  if (!ORDERS.includes(order)) throw new Error(`unknown order ${order}`);
  return Object.freeze({ sort, order, limit, status, cursors: [null], index: 0, nextCursor: null });
}

/** The query string of the current page's request. */
export function pageQuery(state) {
  const params = new URLSearchParams({ limit: String(state.limit), sort: state.sort, order: state.order });
  const cursor = state.cursors[state.index];
  if (cursor) params.set("cursor", cursor);
  if (state.status) params.set("status", state.status);
  return params.toString();
}

/** Records what the server said after loading the current page. */
export function loaded(state, nextCursor) {
  return Object.freeze({ ...state, nextCursor: nextCursor || null });
}

export function hasNext(state) {
  return Boolean(state.nextCursor);
}

export function hasPrevious(state) {
  return state.index > 0;
}

export function pageNumber(state) {
  return state.index + 1;
}

/** Moves to the next page (the current page must have been loaded with a nextCursor). */
export function next(state) {
  if (!hasNext(state)) return state;
  const cursors = [...state.cursors.slice(0, state.index + 1), state.nextCursor];
  return Object.freeze({ ...state, cursors, index: state.index + 1, nextCursor: null });
}

/** Moves back one page, reusing the cursor that produced it. */
export function previous(state) {
  if (!hasPrevious(state)) return state;
  return Object.freeze({ ...state, index: state.index - 1, nextCursor: null });
}

/** A new sort, order or filter starts again at page 1 (cursors belong to one ordering). */
export function reorder(state, { sort = state.sort, order = state.order, status = state.status } = {}) {
  return createPaging({ sort, order, limit: state.limit, status });
}

/** After deleting an item: reload the same page (same cursor). */
export function reload(state) {
  return Object.freeze({ ...state, nextCursor: null });
}
