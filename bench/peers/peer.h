/* SPDX-License-Identifier: GPL-2.0-only */
/* bench/peers/peer.h: the one small interface every thread pool of the benchmark sits behind */
#ifndef CMWQ_BENCH_PEER_H
#define CMWQ_BENCH_PEER_H

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <stdint.h>

namespace bench {

class peer;

/**
 * One item of work, owned by the workload (as a driver owns its work_struct):
 * allocated before the timed part, handed to a peer by pointer, never copied.
 * @c peer_data is the peer's own per-item storage (cmwq keeps its
 * work_struct there, libuv its uv_work_t), so that no peer allocates per item
 * unless its API makes it.
 */
struct item {
	alignas(16) unsigned char peer_data[128];
	void (*fn)(struct item *it); /**< the work; set by the workload */
	peer *owner;                 /**< set by peer::prepare() */
	uint64_t t_queue;            /**< ns (CLOCK_MONOTONIC) just before submission */
	uint64_t t_start;            /**< ns when the work function started */
	int cpu;                     /**< the CPU the work function started on */
	int tag;                     /**< the workload's own use */
};

/**
 * A counter of items not yet finished, waited on through a futex (never a
 * spin): the latch behind peer::drain().
 */
class pending_counter {
    public:
	void add(uint32_t n)
	{
		left.fetch_add(n, std::memory_order_relaxed);
	}
	/** One item finished; the last one wakes the waiter. */
	void done();
	/** Sleep until the count is 0; aborts the program after @p timeout_s seconds. */
	void wait(int timeout_s = 60);

    private:
	std::atomic<uint32_t> left{ 0 };
};

/**
 * What every peer offers.  A peer is created with @c nthreads workers (a peer
 * that sizes itself, such as cmwq's per-CPU pools or an unbounded pool,
 * ignores it), runs items submitted from any thread, and tells when all of
 * them have finished.
 */
class peer {
    public:
	explicit peer(int nthreads) : nthreads(nthreads) {}
	virtual ~peer() = default;
	peer(const peer &) = delete;
	peer &operator=(const peer &) = delete;

	/** Get @p it ready for this peer (once per item per peer; not timed). */
	virtual void prepare(item *it)
	{
		it->owner = this;
	}
	/** Run @p it on a worker; callable from any thread (see multi_producer()). */
	virtual void submit(item *it) = 0;
	/** Run @p it on CPU @p cpu's workers where the peer has such a notion; else submit(). */
	virtual void submit_on(int cpu, item *it)
	{
		(void)cpu;
		submit(it);
	}
	/** Queue @p q of @p nqueues (see set_queues()); default: the one pool. */
	virtual void submit_queue(int q, item *it)
	{
		(void)q;
		submit(it);
	}
	/** Make @p n independent queues for submit_queue(); not timed. */
	virtual void set_queues(int n)
	{
		(void)n;
	}
	/** What one queue of set_queues() is for this peer (for the report). */
	virtual const char *queues_are() const
	{
		return "one pool";
	}
	/** Submit @p it and wait until it has run: the round trip of workload D1. */
	virtual void round_trip(item *it)
	{
		submit(it);
		drain();
	}
	/** Wait until every item submitted so far has finished. */
	virtual void drain()
	{
		pending.wait();
	}
	/** Block the calling worker for @p ms milliseconds the way this peer's users would. */
	virtual void sleep_ms(unsigned int ms) = 0;
	/** Threads of this peer that outlive it (a process-wide pool), counted at rest. */
	virtual int resident_threads() const
	{
		return 0;
	}
	/** The thread count for the report: a number, "per-CPU pools" or "unbounded". */
	virtual std::string threads() const
	{
		return std::to_string(nthreads);
	}

	/** Every peer's workers call this to run an item. */
	static void run(item *it);

    protected:
	/** Count one submission (every submit path calls it before handing the item over). */
	void count(item *it)
	{
		(void)it;
		pending.add(1);
	}

	int nthreads;
	pending_counter pending;
};

/** A peer by name, with @p nthreads workers; nullptr if this build has no such peer. */
std::unique_ptr<peer> make_peer(const std::string &name, int nthreads);
/** The peers this binary was built with, in report order. */
const std::vector<std::string> &peer_names();
/** Peers CMake did not find (printed at start). */
const std::vector<std::string> &missing_peers();

/* The constructors, one per file under bench/peers/. */
std::unique_ptr<peer> make_cmwq(int nthreads);
std::unique_ptr<peer> make_plain(int nthreads);
std::unique_ptr<peer> make_asio(int nthreads);
std::unique_ptr<peer> make_tbb(int nthreads);
std::unique_ptr<peer> make_uv(int nthreads);
std::unique_ptr<peer> make_glib(int nthreads, bool unbounded);

} // namespace bench

#endif
