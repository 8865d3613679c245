// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/flush_colors.cpp: wq_diagram flush_colors, the flush-color ring caught mid-flush
//
// Three batches of items held by a gate, two flushers blocked between them:
// the workqueue's colors and CPU 0's pwq are read under their locks while
// the flushers wait, then everything is let go.

#include "tools/diagrams/diagram.h"

#include <math.h>

#include "kernel/workqueue/workqueue_internal.h"
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>

namespace {

/** @brief A task that flushes a workqueue and says when it is done. */
struct flusher_arg {
	struct workqueue_struct *wq; /**< the workqueue to flush */
	struct completion done;      /**< completed after flush_workqueue() returns */
};

/** @brief The flusher kthread's function. */
int flusher_fn(void *data)
{
	struct flusher_arg *f = (struct flusher_arg *)data;

	flush_workqueue(f->wq);
	complete(&f->done);
	return 0;
}

/** @brief Wait (bounded) until @p wq has @p nr flushers waiting; die otherwise. */
void wait_for_flushers(struct workqueue_struct *wq, int nr)
{
	for (int tries = 0; tries < 10000; tries++) {
		struct wq_flusher *fl;
		int seen = 0;

		mutex_lock(&wq->mutex);
		if (wq->first_flusher)
			seen++;
		list_for_each_entry(fl, &wq->flusher_queue, list)
			seen++;
		mutex_unlock(&wq->mutex);
		if (seen >= nr)
			return;
		msleep(1);
	}
	die(1, "flush_colors: the flushers never blocked");
}

/** @brief Start a kthread that flushes @p f->wq. */
void start_flusher(struct flusher_arg *f, struct workqueue_struct *wq, int i)
{
	struct task_struct *t;

	f->wq = wq;
	init_completion(&f->done);
	t = kthread_create(flusher_fn, f, "flusher/%d", i);
	if (IS_ERR(t))
		die(1, "kthread_create() failed");
	wake_up_process(t);
}

/** @brief What the picture shows, copied under wq->mutex and pool->lock. */
struct ring_snapshot {
	int work_color;                         /**< wq->work_color */
	int flush_color;                        /**< wq->flush_color */
	int first_flusher_color;                /**< the first flusher's color, or -1 */
	std::vector<int> queued_flusher_colors; /**< the other flushers' colors */
	int pwq_work_color;                     /**< CPU 0's pwq: its work_color */
	int pwq_flush_color;                    /**< and its flush_color */
	int nr_in_flight[WORK_NR_COLORS];       /**< and its nr_in_flight[] */
	int batch[3];                           /**< items queued in each batch */
};

/** @brief The ring as an SVG. */
std::string draw_ring(const struct ring_snapshot &r)
{
	const double cx = 330, cy = 300, R = 200, rn = 30;
	std::string body;

	for (int c = 0; c < WORK_NR_COLORS; c++) {
		double a = -M_PI / 2 + 2 * M_PI * c / (int)WORK_NR_COLORS;
		double x = cx + R * cos(a), y = cy + R * sin(a);
		double lx = cx + (R + 62) * cos(a), ly = cy + (R + 62) * sin(a);
		/* colors from flush_color up to (not including) work_color are being flushed */
		bool flushing =
			r.flush_color >= 0 &&
			((c - r.flush_color + WORK_NR_COLORS) % WORK_NR_COLORS) <
				((r.work_color - r.flush_color + WORK_NR_COLORS) % WORK_NR_COLORS);
		const char *fill = c == r.work_color ? "#d9ead3" : flushing ? "#fce5cd" : "#f3f3f3";

		body += fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#444444\" "
			    "data-color=\"%d\" data-in-flight=\"%d\"/>\n",
			    x, y, rn, fill, c, r.nr_in_flight[c]);
		body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"c\">%d</text>\n", x, y - 3, c);
		body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"n\">%d in flight</text>\n", x,
			    y + 12, r.nr_in_flight[c]);
		if (c == r.work_color)
			body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"m\" data-mark=\"work_color\">"
				    "wq-&gt;work_color</text>\n",
				    lx, ly);
		if (c == r.flush_color)
			body += fmt("<text x=\"%.1f\" y=\"%.1f\" class=\"m\" data-mark=\"flush_color\">"
				    "wq-&gt;flush_color</text>\n",
				    lx, ly);
	}
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"t\">%d colors (WORK_NR_COLORS)</text>\n",
		    cx, cy - 36, (int)WORK_NR_COLORS);
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">color %d (WORK_NO_COLOR)</text>\n", cx,
		    cy - 16, (int)WORK_NO_COLOR);
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">is for barriers, not on the ring</text>\n",
		    cx, cy + 2);
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">first flusher waits for %d;</text>\n",
		    cx, cy + 26, r.first_flusher_color);
	{
		std::string q;

		for (int c : r.queued_flusher_colors)
			q += (q.empty() ? "" : ", ") + std::to_string(c);
		body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">queued flushers wait for: "
			    "%s</text>\n",
			    cx, cy + 42, q.empty() ? "none" : q.c_str());
	}
	body += fmt("<text x=\"%.0f\" y=\"%.0f\" class=\"s\">CPU 0's pwq: work_color %d, "
		    "flush_color %d</text>\n",
		    cx, cy + 58, r.pwq_work_color, r.pwq_flush_color);
	body += fmt("<text x=\"20\" y=\"%.0f\" class=\"s\" style=\"text-anchor:start\">"
		    "orange: being flushed (flush_color up to work_color); green: given to newly "
		    "queued "
		    "items; batches queued: %d, %d, %d</text>\n",
		    cy + R + 100, r.batch[0], r.batch[1], r.batch[2]);
	return fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"%.0f\" "
		   "viewBox=\"0 0 660 %.0f\" font-family=\"sans-serif\">\n",
		   cy + R + 120, cy + R + 120) +
	       "<title>The flush-color ring of a workqueue, mid-flush</title>\n"
	       "<style>.c{font-size:14px;font-weight:bold;text-anchor:middle}"
	       ".n{font-size:9px;text-anchor:middle;fill:#333333}"
	       ".m{font-size:12px;font-weight:bold;text-anchor:middle;fill:#990000}"
	       ".t{font-size:14px;font-weight:bold;text-anchor:middle}"
	       ".s{font-size:11px;text-anchor:middle;fill:#333333}</style>\n"
	       "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" +
	       body + "</svg>\n";
}

} // namespace

/**
 * @brief Items of color 0 held by a gate, a flusher blocked on them, items of
 * color 1, a second flusher queued behind the first, items of color 2; the
 * ring is read then, and everything is let go.
 */
std::string draw_flush_colors(void)
{
	static struct flusher_arg f[2];
	struct completion gate;
	struct workqueue_struct *wq = alloc_workqueue("flushdemo", 0, 0);
	struct ring_snapshot r;
	struct pool_workqueue *pwq;
	std::vector<demo_item> batch[3] = { make_items(3, 0, 0), make_items(2, 0, 0),
					    make_items(1, 0, 0) };

	if (!wq)
		die(1, "alloc_workqueue() failed");
	init_completion(&gate);
	for (int b = 0; b < 3; b++) {
		for (auto &d : batch[b]) {
			d.gate = &gate;
			queue_work_on(0, wq, &d.work);
		}
		r.batch[b] = (int)batch[b].size();
		if (b < 2) {
			start_flusher(&f[b], wq, b);
			wait_for_flushers(wq, b + 1);
		}
	}

	mutex_lock(&wq->mutex);
	r.work_color = wq->work_color;
	r.flush_color = wq->flush_color;
	r.first_flusher_color = wq->first_flusher ? wq->first_flusher->flush_color : -1;
	{
		struct wq_flusher *fl;

		list_for_each_entry(fl, &wq->flusher_queue, list)
			r.queued_flusher_colors.push_back(fl->flush_color);
	}
	pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	r.pwq_work_color = pwq->work_color;
	r.pwq_flush_color = pwq->flush_color;
	for (int c = 0; c < WORK_NR_COLORS; c++)
		r.nr_in_flight[c] = pwq->nr_in_flight[c];
	raw_spin_unlock_irq(&pwq->pool->lock);
	mutex_unlock(&wq->mutex);

	complete_all(&gate);
	for (auto &fl : f)
		if (!wait_for_completion_timeout(&fl.done, 60 * HZ))
			die(1, "flush_colors: a flusher never finished");
	destroy_workqueue(wq);
	return draw_ring(r);
}
