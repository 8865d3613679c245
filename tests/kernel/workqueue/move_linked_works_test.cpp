// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/move_linked_works.cpp: a series moves as one.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

void set_linked(struct work_struct *w, bool linked)
{
	atomic_long_set(&w->data, WORK_STRUCT_PENDING | WORK_STRUCT_PWQ | (linked ? WORK_STRUCT_LINKED : 0));
}

/* The works of @head, in order, as a string of their tags. */
std::string order(struct list_head *head, struct work_struct *base, int n)
{
	std::string s;
	struct list_head *pos;

	list_for_each(pos, head)
		for (int i = 0; i < n; i++)
			if (pos == &base[i].entry)
				s += (char)('A' + i);
	return s;
}

} // namespace

TEST_CASE("move_linked_works moves a work and its LINKED followers and stops after the first unlinked one",
	  "[ch:move_linked_works]")
{
	struct work_struct w[4]; /* A(LINKED) B(LINKED) C D */
	struct work_struct *next = nullptr;
	LIST_HEAD(src);
	LIST_HEAD(dst);

	for (int i = 0; i < 4; i++) {
		INIT_LIST_HEAD(&w[i].entry);
		set_linked(&w[i], i < 2);
		list_add_tail(&w[i].entry, &src);
	}
	move_linked_works(&w[0], &dst, &next);

	CHECK(order(&dst, w, 4) == "ABC");
	CHECK(order(&src, w, 4) == "D");
	CHECK(next == &w[3]);
}

TEST_CASE("move_linked_works moves an unlinked work alone and appends at the tail", "[ch:move_linked_works]")
{
	struct work_struct w[3]; /* A B on src, C already on dst */
	LIST_HEAD(src);
	LIST_HEAD(dst);

	for (int i = 0; i < 3; i++) {
		INIT_LIST_HEAD(&w[i].entry);
		set_linked(&w[i], false);
	}
	list_add_tail(&w[0].entry, &src);
	list_add_tail(&w[1].entry, &src);
	list_add_tail(&w[2].entry, &dst);
	move_linked_works(&w[0], &dst, NULL);

	CHECK(order(&dst, w, 3) == "CA");
	CHECK(order(&src, w, 3) == "B");
}

TEST_CASE("move_linked_works can start in the middle of a list", "[ch:move_linked_works]")
{
	struct work_struct w[4]; /* A B(LINKED) C D */
	struct work_struct *next = nullptr;
	LIST_HEAD(src);
	LIST_HEAD(dst);

	for (int i = 0; i < 4; i++) {
		INIT_LIST_HEAD(&w[i].entry);
		set_linked(&w[i], i == 1);
		list_add_tail(&w[i].entry, &src);
	}
	move_linked_works(&w[1], &dst, &next);

	CHECK(order(&dst, w, 4) == "BC");
	CHECK(order(&src, w, 4) == "AD");
	CHECK(next == &w[3]);
}
