// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: rcu_free_wq() (Linux v5.9)

#include "workqueue_internal.h"

/*
 * Destroyed workqueues kept readable, oldest first.  A client that uses a
 * workqueue after destroying it reads __WQ_DESTROYED here and gets a
 * diagnostic instead of reading freed memory.
 */
enum { WQ_QUARANTINE = 64 /**< how many destroyed workqueues stay readable */ };
/** The quarantine: a ring of destroyed workqueue structures. */
static struct workqueue_struct *wq_quarantine[WQ_QUARANTINE];
/** The ring slot the next destroyed workqueue goes to (its old occupant is freed). */
static unsigned int wq_quarantine_next;
/** Protects the quarantine ring. */
static DEFINE_RAW_SPINLOCK(wq_quarantine_lock);

/**
 * @brief RCU callback: free a destroyed workqueue, once no reader can see it.
 * @param rcu the workqueue's rcu_head
 *
 * The pwqs are freed now.  The kernel frees the workqueue too; cmwq keeps
 * the last WQ_QUARANTINE destroyed workqueue structures (marked
 * __WQ_DESTROYED) and frees the oldest as new ones arrive, so that a use
 * after destroy_workqueue() is reported rather than corrupting memory.
 *
 * Context: the RCU callback task.
 */
void rcu_free_wq(struct rcu_head *rcu)
{
	struct workqueue_struct *wq = container_of(rcu, struct workqueue_struct, rcu);
	struct workqueue_struct *old;

	free_percpu(wq->cpu_pwqs);
	WRITE_ONCE(wq->cpu_pwqs, NULL); /* a test waits for it, lockless */
	free_workqueue_attrs(wq->unbound_attrs);

	raw_spin_lock(&wq_quarantine_lock);
	old = wq_quarantine[wq_quarantine_next];
	wq_quarantine[wq_quarantine_next] = wq;
	wq_quarantine_next = (wq_quarantine_next + 1) % WQ_QUARANTINE;
	raw_spin_unlock(&wq_quarantine_lock);

	kfree(old);
}
