// SPDX-License-Identifier: GPL-2.0-only
// bench/peers/tbb.cpp: the peer "tbb": oneTBB's task_arena, and task_group for the round trip
/*
 * oneTBB limits its workers to the hardware threads less one by default (one
 * worker on two CPUs, with a warning), so the peer raises the limit with a
 * global_control of N + 1 and makes its arena with no slot reserved for the
 * caller: N workers serve it.  submit() is task_arena::enqueue() (fire and
 * forget from any thread); the round trip is task_group::run() + wait()
 * inside the arena, where the waiting thread may run the task itself.
 * TBB's workers spin for a while before they sleep: low latency for CPU time.
 * The workers are TBB's, process-wide: the peer waits for them to exit when
 * it is destroyed (tbb::finalize), so that each peer starts from none.
 */
#include "peer.h"

#include <chrono>
#include <new>
#include <thread>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

namespace bench {

namespace {

/** Destroyed last: waits for TBB's workers to exit once the arena and the limit are gone. */
struct tbb_finalizer {
	oneapi::tbb::task_scheduler_handle handle{ oneapi::tbb::attach{} };
	~tbb_finalizer()
	{
		(void)oneapi::tbb::finalize(handle, std::nothrow);
	}
};

class tbb_peer : public peer {
    public:
	explicit tbb_peer(int nthreads)
		: peer(nthreads), limit(oneapi::tbb::global_control::max_allowed_parallelism,
					(std::size_t)nthreads + 1),
		  arena(nthreads, 0), group(std::make_unique<oneapi::tbb::task_group>())
	{
		arena.initialize();
	}
	~tbb_peer() override
	{
		arena.terminate();
	}
	void submit(item *it) override
	{
		count(it);
		arena.enqueue([it] { peer::run(it); });
	}
	void round_trip(item *it) override
	{
		count(it);
		arena.execute([&] {
			group->run([it] { peer::run(it); });
			group->wait();
		});
	}
	void sleep_ms(unsigned int ms) override
	{
		std::this_thread::sleep_for(std::chrono::milliseconds(ms));
	}

    private:
	tbb_finalizer finalizer;
	oneapi::tbb::global_control limit;
	oneapi::tbb::task_arena arena;
	/* behind a pointer: its destructor may throw, the peer's may not */
	std::unique_ptr<oneapi::tbb::task_group> group;
};

} // namespace

std::unique_ptr<peer> make_tbb(int nthreads)
{
	return std::make_unique<tbb_peer>(nthreads);
}

} // namespace bench
