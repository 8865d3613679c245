/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/timer.h: one-shot timers run by the timer task (cmwq substrate) */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

CMWQ_BEGIN_DECLS

/** @brief A function to call once, in the timer task, at a given jiffy. */
struct timer_list {
	struct list_head entry;   /**< on the timer base while pending; next == NULL when not */
	unsigned long expires;    /**< the jiffy to fire at */
	void (*function)(struct timer_list *); /**< what to call */
	u32 flags;                /**< TIMER_* */
};

#define TIMER_DEFERRABLE 0x00080000u /* may fire late (the kernel's idle-CPU hint) */
#define TIMER_IRQSAFE 0x00200000u    /* recorded only */

/** Static initialiser of a timer calling @p _function, not armed. */
#define __TIMER_INITIALIZER(_function, _flags)                                                     \
	{                                                                                          \
		.entry = { NULL, NULL }, .expires = 0, .function = (_function), .flags = (_flags), \
	}

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
#define __init_timer(t, f, fl) timer_setup((t), (f), (fl))
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

/** @brief Is the timer armed? */
static inline bool timer_pending(const struct timer_list *timer)
{
	return __atomic_load_n(&timer->entry.next, __ATOMIC_RELAXED) != NULL;
}

void add_timer(struct timer_list *timer);
/** @brief Arm @p timer on CPU @p cpu (cmwq: one timer base; the CPU is not used). */
void add_timer_on(struct timer_list *timer, int cpu);
/** @brief Arm (or re-arm) @p timer for @p expires. @return 1 if it was pending. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/** @brief Disarm @p timer. @return 1 if it was pending. Its function may still be running. */
int del_timer(struct timer_list *timer);
/** @brief Disarm @p timer and wait until its function is not running. */
int del_timer_sync(struct timer_list *timer);

CMWQ_END_DECLS

#endif
