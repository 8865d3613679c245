// SPDX-License-Identifier: GPL-2.0-only
// bench/peers/uv.cpp: the peer "uv": libuv's thread pool (uv_queue_work) behind a loop thread
/*
 * libuv lets only the thread running a loop call uv_queue_work(), and runs
 * the completion callback on that thread too.  The peer therefore owns a
 * loop thread: submit() (from any thread) appends the item to a list under
 * a mutex and calls uv_async_send(); the loop thread takes the list and calls
 * uv_queue_work() for each item (its uv_work_t lives in the item).  An item
 * counts as finished in the completion callback, on the loop thread, when
 * libuv is done with its request: that is when a libuv user may reuse it.
 *
 * The pool itself is libuv's, one per process, created on first use with
 * UV_THREADPOOL_SIZE threads (main() sets it to the CPU count) and never
 * destroyed: its threads outlive every peer.
 */
#include "peer.h"

#include <mutex>
#include <thread>

#include <stdio.h>
#include <stdlib.h>

#include <uv.h>

namespace bench {

namespace {

static_assert(sizeof(uv_work_t) <= sizeof(((item *)nullptr)->peer_data),
	      "a uv_work_t must fit in an item's peer_data");

/** Has libuv's pool been started (by an earlier peer)? */
bool pool_started;

uv_work_t *req_of(item *it)
{
	return reinterpret_cast<uv_work_t *>(it->peer_data);
}

item *item_of(uv_work_t *req)
{
	return reinterpret_cast<item *>(reinterpret_cast<unsigned char *>(req) -
					offsetof(item, peer_data));
}

class uv_peer : public peer {
    public:
	explicit uv_peer(int nthreads) : peer(nthreads), resident(pool_started ? nthreads : 0)
	{
		if (uv_loop_init(&loop) != 0 || uv_async_init(&loop, &wakeup, on_wakeup) != 0) {
			fprintf(stderr, "cmwq_bench: libuv: cannot make a loop\n");
			exit(1);
		}
		wakeup.data = this;
		loop_thread = std::thread([this] { uv_run(&loop, UV_RUN_DEFAULT); });
		pool_started = true;
	}
	~uv_peer() override
	{
		{
			std::lock_guard<std::mutex> g(lock);
			stopping = true;
		}
		uv_async_send(&wakeup);
		loop_thread.join();
		uv_loop_close(&loop);
	}
	void submit(item *it) override
	{
		bool first;

		count(it);
		{
			std::lock_guard<std::mutex> g(lock);
			first = incoming.empty();
			incoming.push_back(it);
		}
		if (first)
			uv_async_send(&wakeup);
	}
	void sleep_ms(unsigned int ms) override
	{
		uv_sleep(ms);
	}
	int resident_threads() const override
	{
		return resident;
	}

    private:
	static void on_wakeup(uv_async_t *async)
	{
		uv_peer *p = static_cast<uv_peer *>(async->data);
		bool stop;

		{
			std::lock_guard<std::mutex> g(p->lock);
			p->taken.swap(p->incoming);
			stop = p->stopping;
		}
		for (item *it : p->taken)
			uv_queue_work(&p->loop, req_of(it), on_work, on_done);
		p->taken.clear();
		if (stop)
			uv_close(reinterpret_cast<uv_handle_t *>(&p->wakeup), nullptr);
	}
	static void on_work(uv_work_t *req)
	{
		item *it = item_of(req);

		it->fn(it);
	}
	static void on_done(uv_work_t *req, int status)
	{
		(void)status;
		static_cast<uv_peer *>(item_of(req)->owner)->pending.done();
	}

	uv_loop_t loop;
	uv_async_t wakeup;
	std::thread loop_thread;
	std::mutex lock;
	std::vector<item *> incoming, taken;
	bool stopping = false;
	int resident;
};

} // namespace

std::unique_ptr<peer> make_uv(int nthreads)
{
	return std::make_unique<uv_peer>(nthreads);
}

} // namespace bench
