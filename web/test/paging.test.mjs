import { test } from "node:test";
import assert from "node:assert/strict";
import * as paging from "../js/paging.js";

test("createPaging_shouldStartAtPageOneWithoutCursor", () => {
  const s = paging.createPaging({ limit: 20 });
  assert.equal(paging.pageQuery(s), "limit=20&sort=createdAt&order=desc");
  assert.equal(paging.pageNumber(s), 1);
  assert.equal(paging.hasPrevious(s), false);
  assert.equal(paging.hasNext(s), false);
});

test("next_shouldSendTheServersCursorAndPreviousShouldReuseEarlierOnes", () => {
  let s = paging.createPaging({ sort: "coherenceScore", order: "asc", limit: 5 });
  s = paging.loaded(s, "c1");
  assert.equal(paging.hasNext(s), true);
  s = paging.next(s);
  assert.equal(paging.pageQuery(s), "limit=5&sort=coherenceScore&order=asc&cursor=c1");
  s = paging.next(paging.loaded(s, "c2"));
  assert.equal(paging.pageNumber(s), 3);
  assert.equal(new URLSearchParams(paging.pageQuery(s)).get("cursor"), "c2");
  s = paging.previous(s);
  assert.equal(new URLSearchParams(paging.pageQuery(s)).get("cursor"), "c1");
  s = paging.previous(s);
  assert.equal(new URLSearchParams(paging.pageQuery(s)).get("cursor"), null);
  assert.equal(paging.previous(s), s, "no page before the first");
});

test("next_shouldDoNothingOnTheLastPage", () => {
  const s = paging.loaded(paging.createPaging(), null);
  assert.equal(paging.next(s), s);
});

test("next_afterGoingBack_shouldForgetTheOldForwardPath", () => {
  let s = paging.next(paging.loaded(paging.createPaging(), "a"));
  s = paging.next(paging.loaded(s, "b"));
  s = paging.previous(paging.previous(s));
  s = paging.next(paging.loaded(s, "a2"));
  assert.deepEqual(s.cursors, [null, "a2"]);
});

test("reorder_shouldRestartAtPageOneKeepingTheLimit", () => {
  let s = paging.next(paging.loaded(paging.createPaging({ limit: 7 }), "c1"));
  s = paging.reorder(s, { sort: "title", order: "asc", status: "completed" });
  assert.equal(paging.pageNumber(s), 1);
  assert.equal(paging.pageQuery(s), "limit=7&sort=title&order=asc&status=completed");
});

test("createPaging_shouldRejectUnknownSortOrOrder", () => {
  assert.throws(() => paging.createPaging({ sort: "size" }), /unknown sort/);
  assert.throws(() => paging.createPaging({ order: "up" }), /unknown order/);
});
