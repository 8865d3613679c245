// SPDX-License-Identifier: GPL-2.0-only
// bench/peers/plain.cpp: the peer "plain": the mutex/condvar pool everybody writes
/*
 * N threads, one std::deque under one std::mutex, one condition variable.
 * A submission signals only if a worker is idle (waiting on the condition),
 * so a busy pool takes no wake-up per item: the cheap path the kernel's
 * kick_pool() also takes when a worker is already running.
 */
#include "peer.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace bench {

namespace {

class plain_peer : public peer {
    public:
	explicit plain_peer(int nthreads) : peer(nthreads)
	{
		for (int i = 0; i < nthreads; i++)
			workers.emplace_back(&plain_peer::worker, this);
	}
	~plain_peer() override
	{
		{
			std::lock_guard<std::mutex> g(lock);
			stopping = true;
		}
		more.notify_all();
		for (std::thread &t : workers)
			t.join();
	}
	void submit(item *it) override
	{
		bool wake;

		count(it);
		{
			std::lock_guard<std::mutex> g(lock);
			queue.push_back(it);
			wake = idle > 0;
		}
		if (wake)
			more.notify_one();
	}
	void sleep_ms(unsigned int ms) override
	{
		std::this_thread::sleep_for(std::chrono::milliseconds(ms));
	}

    private:
	void worker()
	{
		std::unique_lock<std::mutex> g(lock);

		for (;;) {
			while (queue.empty() && !stopping) {
				idle++;
				more.wait(g);
				idle--;
			}
			if (queue.empty())
				return;
			item *it = queue.front();
			queue.pop_front();
			g.unlock();
			peer::run(it);
			g.lock();
		}
	}

	std::mutex lock;
	std::condition_variable more;
	std::deque<item *> queue;
	int idle = 0;
	bool stopping = false;
	std::vector<std::thread> workers;
};

} // namespace

std::unique_ptr<peer> make_plain(int nthreads)
{
	return std::make_unique<plain_peer>(nthreads);
}

} // namespace bench
