// SPDX-License-Identifier: GPL-2.0-only
// Tests for workqueue_select_cpu_near(): a CPU that stands for a NUMA node.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

enum { NR_ASKED = 5 };

/* The nodes asked about, from a worker of each CPU: two real, three not. */
const int asked[NR_ASKED] = { 0, 1, NUMA_NO_NODE, 2, MAX_NUMNODES };

/* A per-CPU item that asks workqueue_select_cpu_near() about every node of asked[]. */
struct asker {
	struct work_struct work;
	int answer[NR_ASKED];
	int on_cpu;
};

void asker_fn(struct work_struct *work)
{
	struct asker *a = container_of(work, struct asker, work);

	a->on_cpu = raw_smp_processor_id();
	for (int i = 0; i < NR_ASKED; i++)
		a->answer[i] = workqueue_select_cpu_near(asked[i]);
}

/* Ask from a per-CPU worker of each of the 4 CPUs; the items are flushed before this returns. */
void ask_from_every_cpu(struct asker a[4])
{
	for (int cpu = 0; cpu < 4; cpu++) {
		INIT_WORK(&a[cpu].work, asker_fn);
		a[cpu].on_cpu = -1;
		REQUIRE(queue_work_on(cpu, system_wq, &a[cpu].work));
	}
	for (int cpu = 0; cpu < 4; cpu++)
		flush_work(&a[cpu].work);
}

} // namespace

TEST_CASE("on one node workqueue_select_cpu_near leaves the choice of CPU to __queue_work",
	  "[ch:workqueue_select_cpu_near]")
{
	ON_NODES(1);
	static struct asker a[4];

	REQUIRE_FALSE(wq_numa_enabled);
	ask_from_every_cpu(a);
	for (int cpu = 0; cpu < 4; cpu++) {
		CHECK(a[cpu].on_cpu == cpu);
		for (int i = 0; i < NR_ASKED; i++) {
			INFO("asked from cpu " << cpu << " about node " << asked[i]);
			CHECK(a[cpu].answer[i] == WORK_CPU_UNBOUND);
		}
	}
}

TEST_CASE("on two nodes workqueue_select_cpu_near keeps a caller on its node and sends others to the first CPU of that node",
	  "[ch:workqueue_select_cpu_near][nodes:2]")
{
	ON_TWO_NODES();
	static struct asker a[4];

	REQUIRE(wq_numa_enabled);
	ask_from_every_cpu(a);
	for (int cpu = 0; cpu < 4; cpu++) {
		INFO("asked from cpu " << cpu);
		CHECK(a[cpu].on_cpu == cpu);
		/* node 0 is CPUs 0-1, node 1 CPUs 2-3 */
		CHECK(a[cpu].answer[0] == (cpu < 2 ? cpu : 0));
		CHECK(a[cpu].answer[1] == (cpu >= 2 ? cpu : 2));
		/* no node, a node the machine does not have, a node past MAX_NUMNODES */
		CHECK(a[cpu].answer[2] == WORK_CPU_UNBOUND);
		CHECK(a[cpu].answer[3] == WORK_CPU_UNBOUND);
		CHECK(a[cpu].answer[4] == WORK_CPU_UNBOUND);
	}
}
