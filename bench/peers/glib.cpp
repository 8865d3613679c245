// SPDX-License-Identifier: GPL-2.0-only
// bench/peers/glib.cpp: the peers "glib" and "glib_unbounded": GLib's GThreadPool
/*
 * "glib": g_thread_pool_new(max_threads = N, exclusive = TRUE): N threads of
 * its own, made at once, a fixed pool.  "glib_unbounded": max_threads = -1
 * (no limit; GLib then requires a shared, non-exclusive pool): GLib starts a
 * new thread for a push whenever no thread of the pool is idle, the only
 * peer that grows under blocking as cmwq does.  g_thread_pool_push() takes
 * the item's pointer as the data.  Destroying the peer waits for the queue
 * to empty and then stops GLib's spare shared threads, so each peer starts
 * from none.
 */
#include "peer.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

namespace bench {

namespace {

class glib_peer : public peer {
    public:
	glib_peer(int nthreads, bool unbounded) : peer(nthreads), unbounded(unbounded)
	{
		GError *err = nullptr;

		pool = g_thread_pool_new(on_item, nullptr, unbounded ? -1 : nthreads,
					 unbounded ? FALSE : TRUE, &err);
		if (!pool) {
			fprintf(stderr, "cmwq_bench: g_thread_pool_new: %s\n",
				err ? err->message : "failed");
			exit(1);
		}
	}
	~glib_peer() override
	{
		g_thread_pool_free(pool, FALSE, TRUE);
		g_thread_pool_stop_unused_threads();
	}
	void submit(item *it) override
	{
		count(it);
		g_thread_pool_push(pool, it, nullptr);
	}
	void sleep_ms(unsigned int ms) override
	{
		g_usleep((gulong)ms * 1000);
	}
	std::string threads() const override
	{
		return unbounded ? "unbounded" : peer::threads();
	}

    private:
	static void on_item(gpointer data, gpointer user)
	{
		(void)user;
		peer::run(static_cast<item *>(data));
	}

	GThreadPool *pool;
	bool unbounded;
};

} // namespace

std::unique_ptr<peer> make_glib(int nthreads, bool unbounded)
{
	return std::make_unique<glib_peer>(nthreads, unbounded);
}

} // namespace bench
