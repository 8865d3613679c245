// SPDX-License-Identifier: GPL-2.0-only
// bench/peers/asio.cpp: the peer "asio": Boost.Asio's thread_pool
/*
 * boost::asio::thread_pool of N threads; submit() is asio::post() of a
 * lambda holding the item's pointer (Asio recycles the handler's memory).
 * The queues of workload A3 are strands on the one pool: Asio's way to keep
 * items of one queue in order, as an ordered workqueue does.
 */
#include "peer.h"

#include <chrono>
#include <thread>

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

namespace bench {

namespace {

using strand = boost::asio::strand<boost::asio::thread_pool::executor_type>;

class asio_peer : public peer {
    public:
	explicit asio_peer(int nthreads) : peer(nthreads), pool((std::size_t)nthreads) {}
	~asio_peer() override
	{
		pool.join();
	}
	void submit(item *it) override
	{
		count(it);
		boost::asio::post(pool, [it] { peer::run(it); });
	}
	void set_queues(int n) override
	{
		for (int i = 0; i < n; i++)
			strands.emplace_back(boost::asio::make_strand(pool));
	}
	void submit_queue(int q, item *it) override
	{
		count(it);
		boost::asio::post(strands[(size_t)q], [it] { peer::run(it); });
	}
	const char *queues_are() const override
	{
		return "one strand each, on one pool";
	}
	void sleep_ms(unsigned int ms) override
	{
		std::this_thread::sleep_for(std::chrono::milliseconds(ms));
	}

    private:
	boost::asio::thread_pool pool;
	std::vector<strand> strands;
};

} // namespace

std::unique_ptr<peer> make_asio(int nthreads)
{
	return std::make_unique<asio_peer>(nthreads);
}

} // namespace bench
